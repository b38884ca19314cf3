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

} // namespace XinDai::Ui
