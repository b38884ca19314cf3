#include "prereview/prereviewresult.h"

#include "prereview/documenttypes.h"
#include "prereview/prereviewtr_p.h"

#include <QJsonArray>

namespace XinDai::Prereview {

using Internal::Tr;

QVector<Finding> PrereviewResult::withCode(const QString &code) const
{
    QVector<Finding> out;
    for (const Finding &f : findings) {
        if (f.code == code)
            out.append(f);
    }
    return out;
}

int PrereviewResult::count(Finding::Severity severity) const
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [severity](const Finding &f) { return f.severity == severity; }));
}

QStringList PrereviewResult::slip(Matching::Language language) const
{
    const bool zh = language == Matching::Language::Chinese;
    const QString number = applicationNumber.isEmpty() ? applicationId : applicationNumber;
    const int blocks = count(Finding::Severity::Block);
    QStringList lines;
    if (zh) {
        lines << QStringLiteral("资料预审结果：%1")
                     .arg(passed ? QStringLiteral("通过") : QStringLiteral("未通过，%1项须补正").arg(blocks));
        lines << QStringLiteral("申请编号：%1").arg(number);
        if (acceptanceDeadline.isValid())
            lines << QStringLiteral("今日提交时：受理期限%1，结果答复期限%2")
                         .arg(acceptanceDeadline.toString(Qt::ISODate), resultDeadline.toString(Qt::ISODate));
        lines << QStringLiteral("请下次来访时携带以下资料：");
    } else {
        lines << (passed ? Tr::tr("Pre-review result: passed")
                         : Tr::tr("Pre-review result: not passed, %n item(s) to fix", nullptr, blocks));
        lines << Tr::tr("Application number: %1").arg(number);
        if (acceptanceDeadline.isValid())
            lines << Tr::tr("If submitted today: accepted by %1, result by %2")
                         .arg(acceptanceDeadline.toString(Qt::ISODate), resultDeadline.toString(Qt::ISODate));
        lines << Tr::tr("Please bring these documents at your next visit:");
    }
    int n = 0;
    for (const QString &doc : documentsToBring)
        lines << QStringLiteral("  %1. %2").arg(++n).arg(DocumentTypes::displayName(doc, language));
    if (documentsToBring.isEmpty())
        lines << (zh ? QStringLiteral("  无") : Tr::tr("  none"));
    lines << (zh ? QStringLiteral("请补正以下事项：") : Tr::tr("Please fix the following:"));
    n = 0;
    for (const Finding &f : findings) {
        if (f.severity == Finding::Severity::Info || f.code == u"completeness.document_missing"
            || f.code == u"completeness.document_next_visit")
            continue;
        lines << (zh ? QStringLiteral("  %1. %2 处理办法：%3") : Tr::tr("  %1. %2 To fix: %3"))
                     .arg(++n)
                     .arg(f.message(language), f.fix(language));
    }
    if (n == 0)
        lines << (zh ? QStringLiteral("  无") : Tr::tr("  none"));
    return lines;
}

QJsonObject PrereviewResult::toJson(Matching::Language language) const
{
    QJsonArray items;
    for (const Finding &f : findings) {
        items.append(QJsonObject{{QStringLiteral("code"), f.code},
                                 {QStringLiteral("severity"), Finding::severityCode(f.severity)},
                                 {QStringLiteral("field"), f.field},
                                 {QStringLiteral("message"), f.message(language)},
                                 {QStringLiteral("fix"), f.fix(language)}});
    }
    return QJsonObject{{QStringLiteral("application"), applicationId},
                       {QStringLiteral("number"), applicationNumber},
                       {QStringLiteral("passed"), passed},
                       {QStringLiteral("findings"), items}};
}

} // namespace XinDai::Prereview
