#include "intake/cellformats.h"

#include <QHash>

namespace XinDai::Intake {

QString CellFormats::normalizeHeader(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace() || c == QChar(0xFEFF) || c == u'_' || c == u'-')
            continue;
        if (c == QChar(0xFF08))
            c = u'(';
        else if (c == QChar(0xFF09))
            c = u')';
        out += c.toLower();
    }
    return out;
}

QDate CellFormats::parseDate(const QString &text)
{
    for (const QString &format : {QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyy-M-d"),
                                  QStringLiteral("yyyy/M/d"), QStringLiteral("yyyyMMdd")}) {
        const QDate d = QDate::fromString(text, format);
        if (d.isValid())
            return d;
    }
    return {};
}

std::optional<CellFormats::SeriesKind> CellFormats::seriesKind(const QString &name)
{
    using K = Core::MonthlyValue::Kind;
    static const QHash<QString, SeriesKind> kinds = [] {
        QHash<QString, SeriesKind> h;
        const SeriesKind tax{K::TaxPaid, "tax_paid", true};
        const SeriesKind social{K::SocialInsuranceHeadcount, "social_insurance_headcount", false};
        const SeriesKind fund{K::HousingFund, "housing_fund", true};
        const SeriesKind power{K::Electricity, "electricity", false};
        const SeriesKind in{K::BankInflow, "bank_inflow", true};
        const SeriesKind out{K::BankOutflow, "bank_outflow", true};
        h.insert(QStringLiteral("tax_paid"), tax);
        h.insert(QStringLiteral("纳税额"), tax);
        h.insert(QStringLiteral("social_insured"), social);
        h.insert(QStringLiteral("social_insurance_headcount"), social);
        h.insert(QStringLiteral("社保缴纳人数"), social);
        h.insert(QStringLiteral("housing_fund"), fund);
        h.insert(QStringLiteral("公积金"), fund);
        h.insert(QStringLiteral("electricity"), power);
        h.insert(QStringLiteral("用电量"), power);
        h.insert(QStringLiteral("bank_inflow"), in);
        h.insert(QStringLiteral("银行流入"), in);
        h.insert(QStringLiteral("bank_outflow"), out);
        h.insert(QStringLiteral("银行流出"), out);
        return h;
    }();
    const auto it = kinds.constFind(name.toLower());
    if (it == kinds.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace XinDai::Intake
