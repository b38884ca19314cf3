#include "workspacepage.h"

namespace XinDai::Ui {

WorkspacePage::WorkspacePage(QWidget *parent)
    : QWidget(parent)
{}

void WorkspacePage::activate()
{
    refresh();
    m_loaded = true;
}

void WorkspacePage::reload()
{
    if (m_loaded)
        refresh();
}

} // namespace XinDai::Ui
