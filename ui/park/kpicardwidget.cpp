#include "kpicardwidget.h"

#include <QLabel>
#include <QVBoxLayout>

namespace XinDai::Ui {

KpiCardWidget::KpiCardWidget(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(this))
    , m_note(new QLabel(this))
{
    setProperty("role", QStringLiteral("card"));
    setFrameShape(QFrame::StyledPanel);
    m_caption->setProperty("role", QStringLiteral("cardCaption"));
    m_value->setProperty("role", QStringLiteral("cardValue"));
    m_value->setObjectName(QStringLiteral("kpiValue"));
    m_note->setProperty("role", QStringLiteral("hint"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
}

void KpiCardWidget::setValue(const QString &value, const QString &note)
{
    m_value->setText(value);
    m_note->setText(note);
}

QString KpiCardWidget::value() const
{
    return m_value->text();
}

} // namespace XinDai::Ui
