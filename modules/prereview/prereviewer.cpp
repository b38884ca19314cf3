#include "prereview/prereviewer.h"

#include "core/residentid.h"
#include "core/uscc.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "prereview/documenttypes.h"
#include "prereview/prereviewtr_p.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/referencerepository.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace XinDai::Prereview {

namespace {

using Internal::Tr;
using Matching::Language;
using Severity = Finding::Severity;

const QLocale &zhLocale()
{
    static const QLocale locale(QLocale::Chinese, QLocale::China);
    return locale;
}

const QLocale &enLocale()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString zhMoney(Core::Money m, Core::Money::Unit unit = Core::Money::Unit::Wan)
{
    return m.format(unit, zhLocale());
}

QString enMoney(Core::Money m, Core::Money::Unit unit = Core::Money::Unit::Wan)
{
    return m.format(unit, enLocale());
}

QString isoDate(QDate d)
{
    return d.toString(Qt::ISODate);
}

/// Collects findings in rule order.
class Collector
{
public:
    void add(const QString &code, Severity severity, const QString &field, const QString &zh,
             const QString &en, const QString &fixZh, const QString &fixEn)
    {
        m_findings.append(Finding{code, severity, field, zh, en, fixZh, fixEn});
    }
    QVector<Finding> take() { return std::move(m_findings); }

private:
    QVector<Finding> m_findings;
};

// --- completeness -------------------------------------------------------------------------------------

struct RequiredField
{
    const char *field;
    const char16_t *zh;
};

void missingField(Collector &c, const QString &field, const QString &zh, const QString &en, bool positive,
                  Severity severity = Severity::Block)
{
    if (positive)
        c.add(QStringLiteral("completeness.field_missing"), severity, field, zh + u"未填写或不大于零。",
              Tr::tr("The %1 is missing or not greater than zero.").arg(en), u"填写大于零的" + zh + u"。",
              Tr::tr("Enter a %1 greater than zero.").arg(en));
    else
        c.add(QStringLiteral("completeness.field_missing"), severity, field, zh + u"未填写。",
              Tr::tr("The %1 is missing.").arg(en), u"补填" + zh + u"。", Tr::tr("Fill in the %1.").arg(en));
}

void checkCompleteness(const PrereviewInput &in, const QString &institutionId, Collector &c,
                       QStringList *toBring)
{
    const Core::Application &a = in.application;
    const Core::Enterprise &f = in.firm.enterprise;
    if (a.amount.fen() <= 0)
        missingField(c, QStringLiteral("application.amount"), QStringLiteral("申请金额"),
                     Tr::tr("requested amount"), true);
    if (a.termMonths <= 0)
        missingField(c, QStringLiteral("application.term_months"), QStringLiteral("申请期限（月）"),
                     Tr::tr("term in months"), true);
    if (a.purpose.trimmed().isEmpty())
        missingField(c, QStringLiteral("application.purpose"), QStringLiteral("借款用途"),
                     Tr::tr("purpose of the financing"), false);
    if (institutionId.isEmpty())
        missingField(c, QStringLiteral("application.institution"), QStringLiteral("受理机构"),
                     Tr::tr("institution"), false);
    if (f.name.trimmed().isEmpty())
        missingField(c, QStringLiteral("firm.name"), QStringLiteral("企业名称"), Tr::tr("firm name"), false);
    if (f.uscc.trimmed().isEmpty())
        missingField(c, QStringLiteral("firm.uscc"), QStringLiteral("统一社会信用代码"),
                     Tr::tr("unified social credit code (USCC)"), false);
    if (f.legalRep.trimmed().isEmpty())
        missingField(c, QStringLiteral("firm.legal_rep"), QStringLiteral("法定代表人"),
                     Tr::tr("name of the legal representative"), false);
    if (f.legalRepId.trimmed().isEmpty())
        missingField(c, QStringLiteral("firm.legal_rep_id"), QStringLiteral("法定代表人身份证号码"),
                     Tr::tr("ID number of the legal representative"), false, Severity::Warn);
    if (!f.established.isValid())
        missingField(c, QStringLiteral("firm.established"), QStringLiteral("成立日期"),
                     Tr::tr("date of establishment"), false);
    if (f.industryCode.trimmed().isEmpty())
        missingField(c, QStringLiteral("firm.industry_code"), QStringLiteral("行业代码"),
                     Tr::tr("industry code"), false);
    if (f.regionCode.trimmed().isEmpty())
        missingField(c, QStringLiteral("firm.region_code"), QStringLiteral("行政区划代码"),
                     Tr::tr("region code"), false);

    if (!in.product) {
        c.add(QStringLiteral("completeness.product_missing"), Severity::Block,
              QStringLiteral("application.product"), QStringLiteral("申请未选择融资产品。"),
              Tr::tr("The application names no financing product."),
              QStringLiteral("为申请选择一个融资产品。"),
              Tr::tr("Choose a financing product for the application."));
        return;
    }
    for (const QString &required : in.product->requiredDocuments) {
        const bool attached
            = std::any_of(in.documents.cbegin(), in.documents.cend(),
                          [&](const Core::Document &d) { return DocumentTypes::satisfies(d, required); });
        if (attached)
            continue;
        const QString zh = DocumentTypes::displayName(required, Language::Chinese);
        const QString en = DocumentTypes::displayName(required, Language::English);
        const QString field = u"documents." + required;
        toBring->append(required);
        if (in.broughtNextVisit.contains(required))
            c.add(QStringLiteral("completeness.document_next_visit"), Severity::Warn, field,
                  u"资料“" + zh + u"”已标记为下次来访时携带。",
                  Tr::tr("The document “%1” is marked to be brought at the next visit.").arg(en),
                  u"下次来访时携带“" + zh + u"”。", Tr::tr("Bring the %1 at the next visit.").arg(en));
        else
            c.add(QStringLiteral("completeness.document_missing"), Severity::Block, field,
                  u"缺少产品要求的资料“" + zh + u"”。",
                  Tr::tr("The document “%1” required by the product is missing.").arg(en),
                  u"上传“" + zh + u"”，或将其标记为下次来访时携带。",
                  Tr::tr("Attach the %1 or mark it to be brought at the next visit.").arg(en));
    }
}

// --- validity -----------------------------------------------------------------------------------------

void checkUscc(const Core::Enterprise &f, Collector &c)
{
    if (f.uscc.trimmed().isEmpty())
        return;
    const Core::IdCheckResult r = Core::Uscc::check(f.uscc);
    if (r.valid)
        return;
    const QString code = r.normalized;
    const QString fixZh = QStringLiteral("核对营业执照上的统一社会信用代码并重新录入。");
    const QString fixEn = Tr::tr("Compare the USCC with the business licence and enter it again.");
    const QString field = QStringLiteral("firm.uscc");
    const QString id = QStringLiteral("validity.uscc_invalid");
    if (code.size() != 18) {
        c.add(id, Severity::Block, field,
              QStringLiteral("统一社会信用代码“%1”应为18位，实际为%2位。").arg(code).arg(code.size()),
              Tr::tr("The USCC “%1” must have 18 characters but has %2.").arg(code).arg(code.size()), fixZh,
              fixEn);
        return;
    }
    const QChar expected = Core::Uscc::checkCharacter(QStringView(code).left(17));
    const QChar last = code.at(17);
    const bool lastInCharset
        = last.isDigit() || (last >= u'A' && last <= u'Y' && !QStringView(u"IOZSV").contains(last));
    if (expected.isNull() || !lastInCharset) {
        c.add(id, Severity::Block, field,
              QStringLiteral(
                  "统一社会信用代码“%1”含有不允许的字符（只允许数字和除 I、O、Z、S、V 以外的大写字母）。")
                  .arg(code),
              Tr::tr("The USCC “%1” contains characters that are not allowed (only digits and capital "
                     "letters other than I, O, Z, S and V).")
                  .arg(code),
              fixZh, fixEn);
        return;
    }
    c.add(id, Severity::Block, field,
          QStringLiteral("统一社会信用代码“%1”的校验码应为“%2”，与第18位不符。").arg(code, QString(expected)),
          Tr::tr("The check character of the USCC “%1” should be “%2”; the 18th character does not match.")
              .arg(code, QString(expected)),
          fixZh, fixEn);
}

void checkLegalRepId(const Core::Enterprise &f, QDate day, Collector &c)
{
    if (f.legalRepId.trimmed().isEmpty())
        return;
    const Core::IdCheckResult r = Core::ResidentId::check(f.legalRepId, day);
    if (r.valid)
        return;
    const QString n = r.normalized;
    const QString masked = Core::ResidentId::masked(n);
    const QString fixZh = QStringLiteral("核对法定代表人身份证原件并重新录入号码。");
    const QString fixEn
        = Tr::tr("Compare the number with the legal representative's ID card and enter it again.");
    const QString field = QStringLiteral("firm.legal_rep_id");
    const QString id = QStringLiteral("validity.legal_rep_id_invalid");
    if (n.size() != 18) {
        c.add(
            id, Severity::Block, field,
            QStringLiteral("法定代表人身份证号码应为18位，实际为%1位。").arg(n.size()),
            Tr::tr("The legal representative's ID number must have 18 characters but has %1.").arg(n.size()),
            fixZh, fixEn);
        return;
    }
    const QChar last = n.at(17);
    if (Core::ResidentId::checkDigit(QStringView(n).left(17)).isNull() || !(last.isDigit() || last == u'X')) {
        c.add(id, Severity::Block, field,
              QStringLiteral("法定代表人身份证号码只能由17位数字和最后1位数字或X组成。"),
              Tr::tr("The legal representative's ID number must be 17 digits followed by a digit or X."),
              fixZh, fixEn);
        return;
    }
    const QDate birth = Core::ResidentId::birthDate(n);
    if (!birth.isValid() || birth > day) {
        const QString text = n.mid(6, 8);
        c.add(id, Severity::Block, field,
              QStringLiteral("法定代表人身份证号码中的出生日期“%1”不存在或晚于预审日。").arg(text),
              Tr::tr("The birth date “%1” in the legal representative's ID number is not a real date or lies "
                     "after the day of the pre-review.")
                  .arg(text),
              fixZh, fixEn);
        return;
    }
    c.add(id, Severity::Block, field, QStringLiteral("法定代表人身份证号码%1的校验码不符。").arg(masked),
          Tr::tr("The check digit of the legal representative's ID number %1 does not match.").arg(masked),
          fixZh, fixEn);
}

void checkDates(const PrereviewInput &in, Collector &c)
{
    const Core::Enterprise &f = in.firm.enterprise;
    if (f.established.isValid() && f.established > in.day)
        c.add(QStringLiteral("validity.future_date"), Severity::Block, QStringLiteral("firm.established"),
              QStringLiteral("成立日期%1晚于预审日%2。").arg(isoDate(f.established), isoDate(in.day)),
              Tr::tr("The date of establishment %1 lies after the day of the pre-review, %2.")
                  .arg(isoDate(f.established), isoDate(in.day)),
              QStringLiteral("核对营业执照上的成立日期并更正。"),
              Tr::tr("Compare the date with the business licence and correct it."));
    for (const Core::Document &d : in.documents) {
        if (d.meta.deleted || !d.addedAt.isValid() || d.addedAt.date() <= in.day)
            continue;
        const QString zh = DocumentTypes::displayName(d.docType, Language::Chinese);
        const QString en = DocumentTypes::displayName(d.docType, Language::English);
        const QString added = isoDate(d.addedAt.date());
        c.add(QStringLiteral("validity.future_date"), Severity::Block, u"documents." + d.docType,
              QStringLiteral("资料“%1”（%2）的添加日期%3晚于预审日%4。")
                  .arg(zh, d.fileName, added, isoDate(in.day)),
              Tr::tr("The document “%1” (%2) was added on %3, after the day of the pre-review, %4.")
                  .arg(en, d.fileName, added, isoDate(in.day)),
              QStringLiteral("核对该资料的添加日期，必要时重新上传。"),
              Tr::tr("Check the date the document was added and upload it again if needed."));
    }
}

void checkAuthorization(const PrereviewInput &in, const QString &institutionId, QDate acceptBy,
                        QDate resultBy, Collector &c)
{
    if (institutionId.isEmpty())
        return; // completeness already asks for the institution
    const QString field = QStringLiteral("authorization");
    const QString fixZh
        = QStringLiteral("请企业重新签署覆盖所选机构、有效期至少至%1的征信授权书。").arg(isoDate(resultBy));
    const QString fixEn
        = Tr::tr(
              "Have the firm sign a new authorization that covers the chosen institution and stays valid at "
              "least until %1.")
              .arg(isoDate(resultBy));
    QVector<const Core::Authorization *> covering;
    for (const Core::Authorization &a : in.authorizations) {
        if (!a.meta.deleted && a.institutionIds.contains(institutionId))
            covering.append(&a);
    }
    if (covering.isEmpty()) {
        c.add(QStringLiteral("validity.authorization_missing"), Severity::Block, field,
              QStringLiteral("没有覆盖所选受理机构的征信授权书。"),
              Tr::tr("No credit inquiry authorization covers the chosen institution."), fixZh, fixEn);
        return;
    }
    const Core::Authorization *best = nullptr;
    for (const Core::Authorization *a : covering) {
        if (a->permits(institutionId, in.day) && (!best || a->validTo > best->validTo))
            best = a;
    }
    if (!best) {
        const bool allRevoked = std::all_of(covering.cbegin(), covering.cend(),
                                            [](const Core::Authorization *a) { return a->revoked; });
        if (allRevoked) {
            c.add(QStringLiteral("validity.authorization_revoked"), Severity::Block, field,
                  QStringLiteral("覆盖所选受理机构的征信授权书已被撤销。"),
                  Tr::tr("The authorization covering the chosen institution has been revoked."), fixZh,
                  fixEn);
            return;
        }
        const Core::Authorization *shown = covering.first();
        c.add(QStringLiteral("validity.authorization_not_in_force"), Severity::Block, field,
              QStringLiteral("覆盖所选受理机构的征信授权书在预审日%1不在有效期内（有效期%2至%3）。")
                  .arg(isoDate(in.day), isoDate(shown->validFrom), isoDate(shown->validTo)),
              Tr::tr("The authorization covering the chosen institution is not in force on %1 (valid from %2 "
                     "to %3).")
                  .arg(isoDate(in.day), isoDate(shown->validFrom), isoDate(shown->validTo)),
              fixZh, fixEn);
        return;
    }
    if (best->validTo < resultBy)
        c.add(QStringLiteral("validity.authorization_expires"), Severity::Block, field,
              QStringLiteral("征信授权书有效期至%1，早于结果答复期限%2（受理期限%"
                             "3后第10个工作日）；授权书须持续有效至该日。")
                  .arg(isoDate(best->validTo), isoDate(resultBy), isoDate(acceptBy)),
              Tr::tr(
                  "The authorization is valid until %1, before the result deadline %2 (10 working days after "
                  "the acceptance deadline %3); it must stay valid through that day.")
                  .arg(isoDate(best->validTo), isoDate(resultBy), isoDate(acceptBy)),
              fixZh, fixEn);
}

void checkStatement(const PrereviewInput &in, Collector &c)
{
    using Unit = Core::Money::Unit;
    const Core::Enterprise &f = in.firm.enterprise;
    if (f.annualRevenue.isNegative())
        c.add(QStringLiteral("validity.revenue_negative"), Severity::Block,
              QStringLiteral("firm.annual_revenue"),
              QStringLiteral("企业登记的营业收入不能为负数，当前为%1。")
                  .arg(zhMoney(f.annualRevenue, Unit::Yuan)),
              Tr::tr("The firm's recorded revenue cannot be negative; it is %1.")
                  .arg(enMoney(f.annualRevenue, Unit::Yuan)),
              QStringLiteral("按最近一年利润表更正企业的营业收入。"),
              Tr::tr("Correct the firm's revenue from the latest income statement."));
    if (!in.statement) {
        c.add(QStringLiteral("validity.statement_missing"), Severity::Info, QStringLiteral("statement"),
              QStringLiteral("未录入财务报表数据，资产负债表平衡未核对。"),
              Tr::tr("No financial statement figures were entered, so the balance sheet was not checked."),
              QStringLiteral("如企业提供了财务报表，录入资产总额、负债总额、所有者权益和营业收入。"),
              Tr::tr("If the firm brought financial statements, enter total assets, liabilities, equity and "
                     "revenue."));
        return;
    }
    const FinancialStatement &s = *in.statement;
    const Core::Money sum = s.liabilities + s.equity;
    const qint64 diff = qAbs((s.totalAssets - sum).fen());
    // |diff| × 100 ≤ |assets|  ⇔  |diff| ≤ ⌊|assets| / 100⌋ for integers; no overflow.
    if (diff > qAbs(s.totalAssets.fen()) / 100)
        c.add(
            QStringLiteral("validity.balance_sheet_mismatch"), Severity::Block,
            QStringLiteral("statement.total_assets"),
            QStringLiteral("资产负债表不平：资产总额%1，负债与所有者权益合计%2，差额%3超过资产总额的1%。")
                .arg(zhMoney(s.totalAssets, Unit::Yuan), zhMoney(sum, Unit::Yuan),
                     zhMoney(Core::Money::fromFen(diff), Unit::Yuan)),
            Tr::tr("The balance sheet does not balance: total assets %1, liabilities plus equity %2; the "
                   "difference of %3 exceeds 1 % of total assets.")
                .arg(enMoney(s.totalAssets, Unit::Yuan), enMoney(sum, Unit::Yuan),
                     enMoney(Core::Money::fromFen(diff), Unit::Yuan)),
            QStringLiteral("核对财务报表中的资产总额、负债总额和所有者权益并更正录入。"),
            Tr::tr("Check total assets, liabilities and equity against the financial statements and correct "
                   "them."));
    if (s.revenue.isNegative())
        c.add(QStringLiteral("validity.revenue_negative"), Severity::Block,
              QStringLiteral("statement.revenue"),
              QStringLiteral("营业收入不能为负数，录入值为%1。").arg(zhMoney(s.revenue, Unit::Yuan)),
              Tr::tr("The revenue cannot be negative; %1 was entered.").arg(enMoney(s.revenue, Unit::Yuan)),
              QStringLiteral("核对利润表中的营业收入并更正录入。"),
              Tr::tr("Check the revenue against the income statement and correct it."));
}

// --- product limits -----------------------------------------------------------------------------------

void checkLimits(const PrereviewInput &in, Collector &c)
{
    if (!in.product)
        return;
    const Core::FinancingProduct &p = *in.product;
    const Core::Application &a = in.application;
    const bool noMax = p.maxAmount.isZero();
    if (a.amount.fen() > 0 && (a.amount < p.minAmount || (!noMax && a.amount > p.maxAmount)))
        c.add(QStringLiteral("limits.amount_out_of_range"), Severity::Block,
              QStringLiteral("application.amount"),
              QStringLiteral("申请金额%1不在产品“%2”的额度范围%3至%4内。")
                  .arg(zhMoney(a.amount), p.name, zhMoney(p.minAmount), zhMoney(p.maxAmount)),
              Tr::tr("The requested amount %1 is outside the range of the product “%2”: %3 to %4.")
                  .arg(enMoney(a.amount), p.name, enMoney(p.minAmount), enMoney(p.maxAmount)),
              QStringLiteral("将申请金额调整到%1至%2之间，或改选其他产品。")
                  .arg(zhMoney(p.minAmount), zhMoney(p.maxAmount)),
              Tr::tr("Change the amount to between %1 and %2, or choose another product.")
                  .arg(enMoney(p.minAmount), enMoney(p.maxAmount)));
    if (a.termMonths > 0 && (a.termMonths < p.minTermMonths || a.termMonths > p.maxTermMonths))
        c.add(QStringLiteral("limits.term_out_of_range"), Severity::Block,
              QStringLiteral("application.term_months"),
              QStringLiteral("申请期限%1个月不在产品“%2”的期限范围%3至%4个月内。")
                  .arg(a.termMonths)
                  .arg(p.name)
                  .arg(p.minTermMonths)
                  .arg(p.maxTermMonths),
              Tr::tr("The term of %1 months is outside the range of the product “%2”: %3 to %4 months.")
                  .arg(a.termMonths)
                  .arg(p.name)
                  .arg(p.minTermMonths)
                  .arg(p.maxTermMonths),
              QStringLiteral("将申请期限调整到%1至%2个月之间，或改选其他产品。")
                  .arg(p.minTermMonths)
                  .arg(p.maxTermMonths),
              Tr::tr("Change the term to between %1 and %2 months, or choose another product.")
                  .arg(p.minTermMonths)
                  .arg(p.maxTermMonths));
}

// --- eligibility --------------------------------------------------------------------------------------

QString conditionText(const Matching::Condition &cond, Language language, const Rules::Value &facts)
{
    QString text = Matching::Explainer::sentence(cond, language, facts);
    if (!cond.isCombination() || cond.children.isEmpty())
        return text;
    QStringList parts;
    for (const Matching::Condition &child : cond.children)
        parts.append(Matching::Explainer::sentence(child, language, facts));
    const bool zh = language == Language::Chinese;
    return text + (zh ? u"：" : u": ") + parts.join(zh ? QStringLiteral("；") : QStringLiteral("; "));
}

void checkEligibility(const PrereviewInput &in, Collector &c)
{
    if (!in.product || in.product->eligibilityRule.trimmed().isEmpty())
        return;
    const Core::FinancingProduct &p = *in.product;
    const Core::Application &a = in.application;
    Matching::FinancingNeed need;
    need.amount = a.amount;
    need.termMonths = a.termMonths > 0 ? a.termMonths : 12;
    need.purpose = a.purpose;
    need.collateral = a.collateral;
    const Rules::Value facts
        = Matching::FactBuilder::facts(Matching::FactBuilder::firmFacts(in.firm, in.day), need);
    const Matching::Explanation e = Matching::Explainer::explain(p.eligibilityRule, facts);
    if (!e.valid) {
        c.add(
            QStringLiteral("eligibility.rule_invalid"), Severity::Warn,
            QStringLiteral("product.eligibility_rule"),
            QStringLiteral("产品“%1”的准入规则无法解析，未检查准入条件。").arg(p.name),
            Tr::tr("The eligibility rule of the product “%1” cannot be read, so eligibility was not checked.")
                .arg(p.name),
            QStringLiteral("请平台管理员修正该产品的准入规则。"),
            Tr::tr("Ask the platform administrator to correct the product's rule."));
        return;
    }
    if (e.passed)
        return;
    for (const Matching::Condition &cond : e.failing()) {
        c.add(QStringLiteral("eligibility.condition_failed"), Severity::Block,
              cond.fact.isEmpty() ? QStringLiteral("product.eligibility_rule") : cond.fact,
              QStringLiteral("不符合产品“%1”的准入条件：%2")
                  .arg(p.name, conditionText(cond, Language::Chinese, facts)),
              Tr::tr("The firm does not meet a condition of the product “%1”: %2")
                  .arg(p.name, conditionText(cond, Language::English, facts)),
              QStringLiteral("补充能证明满足该条件的资料后重新预审，或改选准入条件相符的其他产品。"),
              Tr::tr("Provide documents showing that the condition is met and run the pre-review again, or "
                     "choose a product whose conditions the firm meets."));
    }
}

} // namespace

PrereviewResult Prereviewer::run(const PrereviewInput &input, const Core::WorkCalendar &calendar)
{
    PrereviewResult result;
    result.applicationId = input.application.meta.id;
    result.applicationNumber = input.application.number;
    result.acceptanceDeadline = calendar.addWorkdays(input.day, AcceptanceWorkdays);
    result.resultDeadline = calendar.addWorkdays(result.acceptanceDeadline, ResultWorkdays);
    const QString institutionId
        = input.institutionId.isEmpty() ? input.application.institutionId : input.institutionId;

    Collector c;
    checkCompleteness(input, institutionId, c, &result.documentsToBring);
    checkUscc(input.firm.enterprise, c);
    checkLegalRepId(input.firm.enterprise, input.day, c);
    checkDates(input, c);
    checkAuthorization(input, institutionId, result.acceptanceDeadline, result.resultDeadline, c);
    checkStatement(input, c);
    checkLimits(input, c);
    checkEligibility(input, c);

    result.findings = c.take();
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [](const Finding &x, const Finding &y) { return x.severity < y.severity; });
    result.passed = result.count(Severity::Block) == 0;
    return result;
}

std::optional<PrereviewInput> Prereviewer::load(Store::Database &db, const QString &idOrNumber, QDate day,
                                                QString *error)
{
    Store::ApplicationRepository applications(db);
    std::optional<Core::Application> application = applications.application(idOrNumber);
    if (!application) {
        QSqlQuery q(db.sql());
        q.prepare(QStringLiteral("SELECT id FROM application WHERE number = ? AND deleted = 0 LIMIT 1"));
        q.addBindValue(idOrNumber);
        if (q.exec() && q.next())
            application = applications.application(q.value(0).toString());
    }
    if (!application) {
        if (error)
            *error = Tr::tr("The application %1 does not exist in this store.").arg(idOrNumber);
        return std::nullopt;
    }
    QString firmError;
    std::optional<Matching::FirmData> firm
        = Matching::FactBuilder::load(db, application->enterpriseId, &firmError);
    if (!firm) {
        if (error)
            *error = Tr::tr("The firm of the application %1 cannot be loaded: %2")
                         .arg(application->number.isEmpty() ? application->meta.id : application->number,
                              firmError);
        return std::nullopt;
    }
    PrereviewInput in;
    in.application = *application;
    in.firm = std::move(*firm);
    if (!application->productId.isEmpty())
        in.product = Store::ReferenceRepository(db).product(application->productId);
    in.institutionId = application->institutionId;
    if (in.institutionId.isEmpty() && in.product)
        in.institutionId = in.product->institutionId;
    in.authorizations = applications.authorizations(application->enterpriseId);
    for (const Core::Document &d : applications.documents(application->enterpriseId)) {
        if (d.applicationId.isEmpty() || d.applicationId == application->meta.id)
            in.documents.append(d);
    }
    in.day = day;
    return in;
}

std::optional<PrereviewResult> Prereviewer::review(Store::Database &db, const QString &idOrNumber, QDate day,
                                                   const Core::WorkCalendar &calendar, QString *error)
{
    const std::optional<PrereviewInput> in = load(db, idOrNumber, day, error);
    if (!in)
        return std::nullopt;
    return run(*in, calendar);
}

} // namespace XinDai::Prereview
