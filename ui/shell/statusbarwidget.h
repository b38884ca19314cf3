#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace XinDai::Ui {

/// The status bar's content: connection / sync state, the local database path and its last change.
/// Until sync exists the state is always "offline · local data".
class StatusBarWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StatusBarWidget(QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    void setUser(const QString &displayName, const QString &roleName);
    /// Shows or hides the "offline · local data" label (hidden when a sync server is configured).
    void setConnectionVisible(bool visible);
    /// Rereads the last change time (the newer of the database file and its WAL file).
    void refresh();

    QString connectionText() const;
    QDateTime lastChange() const { return m_lastChange; }

private:
    QString m_path;
    QDateTime m_lastChange;
    QLabel *m_connection = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_changed = nullptr;
    QLabel *m_user = nullptr;
};

} // namespace XinDai::Ui
