// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QPointer>

class QAbstractItemModel;
class QAbstractItemView;

// A sentence in the middle of an empty list ("No orders yet: …", "Nothing matches the search"), so that a blank
// white table never leaves the user guessing whether it is loading, broken or simply empty. It follows the view's
// model and shows itself while the model has no rows.
class EmptyStateLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit EmptyStateLabel(QAbstractItemView *view);

    // The sentence while empty (it may change with the filter or the language).
    void setMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(); // shown while the model is empty, over the whole viewport

    QPointer<QAbstractItemView> m_view;
};
