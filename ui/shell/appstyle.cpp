#include "appstyle.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QStyleFactory>

namespace XinDai::Ui {

QStringList AppStyle::preferredFamilies()
{
    return {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
            QStringLiteral("Source Han Sans SC"), QStringLiteral("Microsoft YaHei")};
}

void AppStyle::apply(QApplication &app)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QFont font = QApplication::font();
    // A family list, not a lookup in QFontDatabase (which costs a font scan at start-up): Qt takes the
    // first installed one, so Simplified Chinese glyphs come from Noto Sans CJK SC when it is present.
    font.setFamilies(preferredFamilies());
    font.setPointSizeF(10);
    QApplication::setFont(font);

    QFile sheet(QStringLiteral(":/xindai/ui/style.qss"));
    if (sheet.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
}

} // namespace XinDai::Ui
