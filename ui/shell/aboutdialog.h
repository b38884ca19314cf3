#pragma once

#include <QDialog>

namespace XinDai::Ui {

/// Product name, version (QCoreApplication::applicationVersion, set from PROJECT_VERSION), Qt version
/// and the local database's schema version.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(int schemaVersion, QWidget *parent = nullptr);

    /// The text shown, for tests.
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace XinDai::Ui
