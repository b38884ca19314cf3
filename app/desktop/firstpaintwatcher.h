#pragma once

#include <QObject>

class QWidget;

namespace XinDai::App {

/// Emits painted() once, in the event loop turn after \a widget's first paint event has been
/// processed (so the frame is complete), then stops watching.
class FirstPaintWatcher : public QObject
{
    Q_OBJECT

public:
    explicit FirstPaintWatcher(QWidget *widget);

Q_SIGNALS:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_widget = nullptr;
    bool m_seen = false;
};

} // namespace XinDai::App
