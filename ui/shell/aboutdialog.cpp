#include "aboutdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace XinDai::Ui {

AboutDialog::AboutDialog(int schemaVersion, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About XinDai Workbench"));
    m_text = tr("<h2>XinDai Workbench %1</h2>"
                "<p>Desktop suite of the Hunan enterprise financing credit service platform: firm data, "
                "financing applications and support policies for service windows, banks and parks.</p>"
                "<p>Built with Qt %2 (running on Qt %3). Local database schema version %4.</p>")
                 .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                      QString::fromLatin1(qVersion()))
                 .arg(schemaVersion);
    auto *label = new QLabel(m_text, this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace XinDai::Ui
