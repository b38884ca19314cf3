#pragma once

#include <QStringList>

class QApplication;

namespace XinDai::Ui {

/// The suite's look: Fusion style, a CJK font (Noto Sans CJK SC when installed), the palette and the
/// style sheet embedded at :/xindai/ui/style.qss.
class AppStyle
{
public:
    static void apply(QApplication &app);
    /// Font families for the UI, most preferred first ("Noto Sans CJK SC" first).
    static QStringList preferredFamilies();
};

} // namespace XinDai::Ui
