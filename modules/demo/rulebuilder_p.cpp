#include "demo/rulebuilder_p.h"

#include <QJsonDocument>

namespace XinDai::Demo::Internal {

QString RuleBuilder::text(const QJsonObject &rule)
{
    return QString::fromUtf8(QJsonDocument(rule).toJson(QJsonDocument::Compact));
}

} // namespace XinDai::Demo::Internal
