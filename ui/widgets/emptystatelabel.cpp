// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatelabel.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>

EmptyStateLabel::EmptyStateLabel(QAbstractItemView *view)
    : QLabel(view->viewport())
    , m_view(view)
{
    setObjectName(QStringLiteral("emptyStateLabel"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents); // the view's context menu and clicks still work
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyStateLabel::follow);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyStateLabel::follow);
    connect(model, &QAbstractItemModel::rowsInserted, this, &EmptyStateLabel::follow);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &EmptyStateLabel::follow);
    follow();
}

void EmptyStateLabel::setMessage(const QString &text)
{
    setText(text);
    follow();
}

bool EmptyStateLabel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize)
        follow();
    return QLabel::eventFilter(watched, event);
}

void EmptyStateLabel::follow()
{
    if (!m_view || !m_view->model())
        return;
    // A margin on each side: a long sentence wraps instead of running under the frame.
    setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
    setVisible(!text().isEmpty() && m_view->model()->rowCount() == 0);
}
