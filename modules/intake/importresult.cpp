#include "intake/importresult.h"

#include <QJsonArray>

namespace XinDai::Intake {

QJsonObject ImportResult::toJson() const
{
    QJsonArray list;
    for (const ImportError &e : errors) {
        list.append(QJsonObject{{QStringLiteral("row"), e.row},
                                {QStringLiteral("line"), e.line},
                                {QStringLiteral("column"), e.column},
                                {QStringLiteral("reason"), e.reason}});
    }
    QJsonObject o{{QStringLiteral("imported"), imported},
                  {QStringLiteral("rejected"), rejected},
                  {QStringLiteral("skipped"), skipped},
                  {QStringLiteral("errors"), list}};
    if (!fatalError.isEmpty())
        o.insert(QStringLiteral("error"), fatalError);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    return o;
}

} // namespace XinDai::Intake
