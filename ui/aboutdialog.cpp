// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "common/buildinfo.h"
#include "service/libraries.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

QString AboutDialog::text()
{
    QString html = tr("<h2>SkladHook %1</h2><p>MoySklad webhooks for your online shop.</p><p>%2</p>"
                      "<p>SkladHook is free software under the GNU General Public License, version 3 or later.</p>"
                      "<h3>Libraries</h3><table cellpadding='3'>")
                       .arg(BuildInfo::version().toHtmlEscaped(), BuildInfo::buildDescription().toHtmlEscaped());
    for (const Libraries::Library &library : Libraries::used())
        html += QStringLiteral("<tr><td><a href='%1'>%2</a></td><td>%3</td><td>%4</td></tr>")
                    .arg(library.url, library.name.toHtmlEscaped(), library.version.toHtmlEscaped(),
                         library.licence.toHtmlEscaped());
    html += QStringLiteral("</table>");
    return html;
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About SkladHook"));
    auto *browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("aboutText"));
    browser->setOpenExternalLinks(true);
    browser->setHtml(text());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(560, 420);
}
