#pragma once

#include <QFrame>

class QLabel;

namespace XinDai::Ui {

/// One key figure: a caption, a large value and a small note underneath.
class KpiCardWidget : public QFrame
{
    Q_OBJECT

public:
    KpiCardWidget(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &note = {});
    QString value() const;

private:
    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace XinDai::Ui
