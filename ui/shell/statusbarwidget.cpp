#include "statusbarwidget.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>

namespace XinDai::Ui {

StatusBarWidget::StatusBarWidget(QWidget *parent)
    : QWidget(parent)
    , m_connection(new QLabel(this))
    , m_database(new QLabel(this))
    , m_changed(new QLabel(this))
    , m_user(new QLabel(this))
{
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_connection->setProperty("role", QStringLiteral("offline"));
    m_connection->setText(tr("Offline · local data"));
    m_database->setObjectName(QStringLiteral("databasePath"));
    m_changed->setObjectName(QStringLiteral("lastChange"));
    m_user->setObjectName(QStringLiteral("currentUser"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(16);
    layout->addWidget(m_connection);
    layout->addWidget(m_database, 1);
    layout->addWidget(m_changed);
    layout->addWidget(m_user);
}

QString StatusBarWidget::connectionText() const
{
    return m_connection->text();
}

void StatusBarWidget::setConnectionVisible(bool visible)
{
    m_connection->setVisible(visible);
}

void StatusBarWidget::setDatabasePath(const QString &path)
{
    m_path = path;
    m_database->setText(tr("Database: %1").arg(QDir::toNativeSeparators(path)));
    m_database->setToolTip(QDir::toNativeSeparators(path));
    refresh();
}

void StatusBarWidget::setUser(const QString &displayName, const QString &roleName)
{
    m_user->setText(tr("%1 (%2)").arg(displayName, roleName));
}

void StatusBarWidget::refresh()
{
    QDateTime last;
    for (const QString &file : {m_path, QString(m_path + QStringLiteral("-wal"))}) {
        const QFileInfo info(file);
        if (info.exists() && (!last.isValid() || info.lastModified() > last))
            last = info.lastModified();
    }
    m_lastChange = last;
    m_changed->setText(last.isValid()
                           ? tr("Last change: %1").arg(last.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                           : tr("Last change: unknown"));
}

} // namespace XinDai::Ui
