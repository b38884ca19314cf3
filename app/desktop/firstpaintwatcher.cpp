#include "firstpaintwatcher.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace XinDai::App {

FirstPaintWatcher::FirstPaintWatcher(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{
    widget->installEventFilter(this);
}

bool FirstPaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && watched == m_widget && event->type() == QEvent::Paint) {
        m_seen = true;
        m_widget->removeEventFilter(this);
        QTimer::singleShot(0, this, &FirstPaintWatcher::painted);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace XinDai::App
