#include "report/reportrenderer.h"

#include "core/industrycodes.h"
#include "core/regioncodes.h"
#include "core/residentid.h"
#include "report/chartobject_p.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>

#include <cmath>

namespace XinDai::Report {

namespace {

using K = ReportLabels::Key;
using MK = Core::MonthlyValue::Kind;
using RK = Core::CreditRecord::Kind;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("—");
}

/// Builds the HTML of one report in one language.
class HtmlBuilder
{
public:
    HtmlBuilder(const ReportData &data, ReportLanguage language)
        : d(data)
        , lang(language)
        , locale(language == ReportLanguage::Chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                                     : QLocale(QLocale::English, QLocale::UnitedStates))
    {}

    QString build();
    QVector<Internal::BarChart> charts;

private:
    QString L(K key) const { return ReportLabels::text(key, lang); }
    QString money(Core::Money m) const { return m.format(Core::Money::Unit::Auto, locale); }
    void section(K key) { out += QStringLiteral("<h2>") + esc(L(key)) + QStringLiteral("</h2>"); }
    void keyValues(const QVector<QPair<QString, QString>> &rows);
    void table(const QStringList &heads, const QVector<QStringList> &rows);
    void none() { out += QStringLiteral("<p>") + esc(L(K::NoRecords)) + QStringLiteral("</p>"); }
    void chart(Internal::BarChart c);
    QString recordKindText(RK kind) const;
    QString stateText(Core::Application::State state) const;
    QVector<QDate> months12() const;
    QVector<QDate> months24() const;
    qint64 valueAt(MK kind, QDate month, bool *found) const;

    void cover();
    void summary();
    void changes();
    void registration();
    void legalRep();
    void qualifications();
    void tax();
    void social();
    void utilities();
    void bank();
    void procurement();
    void subsidies();
    void financing();
    void judicial();
    void score();
    void sources();
    void statement();

    const ReportData &d;
    ReportLanguage lang;
    QLocale locale;
    QString out;
};

void HtmlBuilder::keyValues(const QVector<QPair<QString, QString>> &rows)
{
    out += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\" "
                          "style=\"border-collapse:collapse;border-color:#888\">");
    for (const auto &row : rows) {
        out += QStringLiteral("<tr><td width=\"32%\" bgcolor=\"#eef2f7\">") + esc(row.first)
               + QStringLiteral("</td><td>") + esc(row.second) + QStringLiteral("</td></tr>");
    }
    out += QStringLiteral("</table>");
}

void HtmlBuilder::table(const QStringList &heads, const QVector<QStringList> &rows)
{
    if (rows.isEmpty()) {
        none();
        return;
    }
    out += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
                          "style=\"border-collapse:collapse;border-color:#888\"><thead><tr>");
    for (const QString &h : heads)
        out += QStringLiteral("<th bgcolor=\"#dde5ef\">") + esc(h) + QStringLiteral("</th>");
    out += QStringLiteral("</tr></thead>");
    for (const QStringList &row : rows) {
        out += QStringLiteral("<tr>");
        for (const QString &cell : row)
            out += QStringLiteral("<td>") + esc(cell) + QStringLiteral("</td>");
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
}

void HtmlBuilder::chart(Internal::BarChart c)
{
    out += QStringLiteral("<p>§chart:") + QString::number(charts.size()) + QStringLiteral("§</p>");
    charts.append(std::move(c));
}

QString HtmlBuilder::recordKindText(RK kind) const
{
    switch (kind) {
    case RK::Penalty:
        return L(K::KindPenalty);
    case RK::DishonestDebtor:
        return L(K::KindDishonest);
    case RK::Procurement:
        return L(K::KindProcurement);
    case RK::PublicResourceContract:
        return L(K::KindPublicContract);
    case RK::Subsidy:
        return L(K::Subsidies);
    case RK::Qualification:
        return L(K::Qualifications);
    case RK::Patent:
        return L(K::ColTitle);
    case RK::TaxGrade:
        return L(K::TaxGrades);
    }
    return {};
}

QString HtmlBuilder::stateText(Core::Application::State state) const
{
    using S = Core::Application::State;
    switch (state) {
    case S::Draft:
        return L(K::StateDraft);
    case S::Submitted:
        return L(K::StateSubmitted);
    case S::Accepted:
        return L(K::StateAccepted);
    case S::Approved:
        return L(K::StateApproved);
    case S::Rejected:
        return L(K::StateRejected);
    case S::Disbursed:
        return L(K::StateDisbursed);
    case S::Settled:
        return L(K::StateSettled);
    case S::Withdrawn:
        return L(K::StateWithdrawn);
    }
    return {};
}

QVector<QDate> HtmlBuilder::months12() const
{
    QVector<QDate> out12;
    const QDate end(d.asOf.year(), d.asOf.month(), 1);
    for (int i = 12; i >= 1; --i)
        out12.append(end.addMonths(-i));
    return out12;
}

QVector<QDate> HtmlBuilder::months24() const
{
    QVector<QDate> out24;
    const QDate end(d.asOf.year(), d.asOf.month(), 1);
    for (int i = 24; i >= 1; --i)
        out24.append(end.addMonths(-i));
    return out24;
}

qint64 HtmlBuilder::valueAt(MK kind, QDate month, bool *found) const
{
    for (const Core::MonthlyValue &v : d.series) {
        if (v.kind == kind && v.month == month) {
            *found = true;
            return v.value;
        }
    }
    *found = false;
    return 0;
}

void HtmlBuilder::cover()
{
    out += QStringLiteral("<p align=\"center\" style=\"font-size:24pt;font-weight:bold\"><br/><br/>")
           + esc(L(K::Title)) + QStringLiteral("</p>");
    out += QStringLiteral("<p align=\"center\" style=\"font-size:16pt\">") + esc(d.enterprise.name)
           + QStringLiteral("</p><p><br/></p>");
    keyValues({{L(K::ReportNumber), d.number},
               {L(K::Firm), d.enterprise.name},
               {L(K::Uscc), d.enterprise.uscc},
               {L(K::Institution), d.institution.name},
               {L(K::Purpose), d.purpose},
               {L(K::AsOf), dateText(d.asOf)},
               {L(K::GeneratedAt), d.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))},
               {L(K::AuthorizationNo), d.authorizationId},
               {L(K::AuthorizationValidTo), dateText(d.authorizationValidTo)},
               {L(K::VerificationCode), d.verificationCode()}});
    out += QStringLiteral("<p style=\"page-break-after:always\"></p>");
}

void HtmlBuilder::summary()
{
    section(K::Summary);
    const QString scoreText
        = d.score.available ? QString::number(qRound(d.score.score)) : QStringLiteral("—");
    const QString line = L(K::SummaryLine)
                             .arg(scoreText, d.score.available ? d.score.grade : QStringLiteral("—"))
                             .arg(d.recordsOf(RK::Penalty).size())
                             .arg(d.recordsOf(RK::DishonestDebtor).size())
                             .arg(d.applications.size());
    out += QStringLiteral("<p>") + esc(d.enterprise.name) + QStringLiteral("（") + esc(d.enterprise.uscc)
           + QStringLiteral("）</p><p>") + esc(line) + QStringLiteral("</p>");
}

void HtmlBuilder::changes()
{
    const ReportData::Changes &c = d.changes;
    out += QStringLiteral("<h3>")
           + esc(c.previousNumber.isEmpty() ? L(K::Changes) : L(K::ChangesSince).arg(c.previousNumber))
           + QStringLiteral("</h3>");
    if (c.previousNumber.isEmpty()) {
        out += QStringLiteral("<p>") + esc(L(K::ChangesFirst)) + QStringLiteral("</p>");
        return;
    }
    QStringList lines;
    if (c.previousScore && d.score.available && qRound(*c.previousScore) != qRound(d.score.score))
        lines << L(K::ChangeScore).arg(qRound(*c.previousScore)).arg(qRound(d.score.score));
    if (!c.previousGrade.isEmpty() && c.previousGrade != d.score.grade)
        lines << L(K::ChangeGrade).arg(c.previousGrade, d.score.grade);
    QList<int> kinds = c.newRecords.keys();
    std::sort(kinds.begin(), kinds.end());
    for (int kind : std::as_const(kinds))
        lines << L(K::ChangeNewRecords).arg(recordKindText(RK(kind))).arg(c.newRecords.value(kind));
    QList<int> seriesKinds = c.seriesChanges.keys();
    std::sort(seriesKinds.begin(), seriesKinds.end());
    for (int kind : std::as_const(seriesKinds)) {
        const auto p = c.seriesChanges.value(kind);
        K name = K::ColTaxPaid;
        bool isMoney = true;
        switch (MK(kind)) {
        case MK::TaxPaid:
            name = K::ColTaxPaid;
            break;
        case MK::SocialInsuranceHeadcount:
            name = K::ColHeadcount;
            isMoney = false;
            break;
        case MK::HousingFund:
            name = K::ColHousingFund;
            break;
        case MK::Electricity:
            name = K::ColElectricity;
            isMoney = false;
            break;
        case MK::BankInflow:
            name = K::ColInflow;
            break;
        case MK::BankOutflow:
            name = K::ColOutflow;
            break;
        }
        const auto fmt = [&](qint64 v) {
            return isMoney ? money(Core::Money::fromFen(v)) : locale.toString(v);
        };
        lines << L(K::ChangeSeries).arg(L(name), fmt(p.first), fmt(p.second));
    }
    if (lines.isEmpty())
        lines << L(K::ChangesNone).arg(c.previousNumber);
    out += QStringLiteral("<ul>");
    for (const QString &l : std::as_const(lines))
        out += QStringLiteral("<li>") + esc(l) + QStringLiteral("</li>");
    out += QStringLiteral("</ul>");
}

void HtmlBuilder::registration()
{
    section(K::Registration);
    const Core::Enterprise &e = d.enterprise;
    const QString industry = Core::IndustryCodes::name(e.industryCode);
    keyValues(
        {{L(K::Name), e.name},
         {L(K::Uscc), e.uscc},
         {L(K::EntityKind),
          e.kind == Core::Enterprise::Kind::Company ? L(K::Company) : L(K::IndividualBusiness)},
         {L(K::Established), dateText(e.established)},
         {L(K::RegisteredCapital), money(e.registeredCapital)},
         {L(K::Industry), industry.isEmpty() ? e.industryCode : e.industryCode + QLatin1Char(' ') + industry},
         {L(K::Region), Core::RegionCodes::fullName(e.regionCode)},
         {L(K::Park), d.parkName.isEmpty() ? QStringLiteral("—") : d.parkName},
         {L(K::Employees), locale.toString(e.employees)},
         {L(K::AnnualRevenue), money(e.annualRevenue)},
         {L(K::TotalAssets), money(e.totalAssets)},
         {L(K::Address), e.address}});
}

void HtmlBuilder::legalRep()
{
    section(K::LegalRep);
    keyValues({{L(K::RepName), d.enterprise.legalRep},
               {L(K::IdNumberMasked), Core::ResidentId::masked(d.enterprise.legalRepId)}});
}

void HtmlBuilder::qualifications()
{
    section(K::Qualifications);
    QVector<QStringList> rows;
    for (const Core::CreditRecord &r : d.records) {
        if (r.kind == RK::Qualification || r.kind == RK::Patent)
            rows.append({r.title, r.authority, dateText(r.date), dateText(r.validTo)});
    }
    table({L(K::ColTitle), L(K::ColAuthority), L(K::ColDate), L(K::ColValidTo)}, rows);
}

void HtmlBuilder::tax()
{
    section(K::TaxGrades);
    QVector<QStringList> rows;
    for (const Core::CreditRecord &r : d.recordsOf(RK::TaxGrade))
        rows.append({QString::number(r.date.year()), r.title, r.authority});
    table({L(K::ColYear), L(K::ColGrade), L(K::ColAuthority)}, rows);
    Internal::BarChart c;
    c.caption = L(K::ChartTax);
    c.seriesNames = {L(K::ColTaxPaid)};
    c.colors = {QColor(0x2e, 0x7d, 0x32)};
    c.values.resize(1);
    for (const QDate &m : months24()) {
        bool found = false;
        const qint64 v = valueAt(MK::TaxPaid, m, &found);
        c.categories << m.toString(QStringLiteral("yy-MM"));
        c.values[0].append(found ? double(v) / 1e6 : std::nan(""));
    }
    chart(std::move(c));
}

void HtmlBuilder::social()
{
    section(K::SocialInsurance);
    QVector<QStringList> rows;
    for (const QDate &m : months12()) {
        bool a = false, b = false;
        const qint64 head = valueAt(MK::SocialInsuranceHeadcount, m, &a);
        const qint64 fund = valueAt(MK::HousingFund, m, &b);
        if (a || b)
            rows.append({m.toString(QStringLiteral("yyyy-MM")),
                         a ? locale.toString(head) : QStringLiteral("—"),
                         b ? money(Core::Money::fromFen(fund)) : QStringLiteral("—")});
    }
    table({L(K::ColMonth), L(K::ColHeadcount), L(K::ColHousingFund)}, rows);
}

void HtmlBuilder::utilities()
{
    section(K::Utilities);
    QVector<QStringList> rows;
    for (const QDate &m : months12()) {
        bool found = false;
        const qint64 kwh = valueAt(MK::Electricity, m, &found);
        if (found)
            rows.append({m.toString(QStringLiteral("yyyy-MM")), locale.toString(kwh)});
    }
    table({L(K::ColMonth), L(K::ColElectricity)}, rows);
}

void HtmlBuilder::bank()
{
    section(K::BankFlows);
    Internal::BarChart c;
    c.caption = L(K::ChartBank);
    c.seriesNames = {L(K::ColInflow), L(K::ColOutflow)};
    c.colors = {QColor(0x1f, 0x5f, 0xa8), QColor(0xe0, 0x7b, 0x24)};
    c.values.resize(2);
    for (const QDate &m : months24()) {
        bool a = false, b = false;
        const qint64 in = valueAt(MK::BankInflow, m, &a);
        const qint64 outflow = valueAt(MK::BankOutflow, m, &b);
        c.categories << m.toString(QStringLiteral("yy-MM"));
        c.values[0].append(a ? double(in) / 1e6 : std::nan(""));
        c.values[1].append(b ? double(outflow) / 1e6 : std::nan(""));
    }
    chart(std::move(c));
    QVector<QStringList> rows;
    for (const QDate &m : months12()) {
        bool a = false, b = false;
        const qint64 in = valueAt(MK::BankInflow, m, &a);
        const qint64 outflow = valueAt(MK::BankOutflow, m, &b);
        if (a || b)
            rows.append({m.toString(QStringLiteral("yyyy-MM")),
                         a ? money(Core::Money::fromFen(in)) : QStringLiteral("—"),
                         b ? money(Core::Money::fromFen(outflow)) : QStringLiteral("—")});
    }
    table({L(K::ColMonth), L(K::ColInflow), L(K::ColOutflow)}, rows);
}

void HtmlBuilder::procurement()
{
    section(K::Procurement);
    QVector<QStringList> rows;
    for (const Core::CreditRecord &r : d.records) {
        if (r.kind == RK::Procurement || r.kind == RK::PublicResourceContract)
            rows.append({recordKindText(r.kind), r.title, r.authority, dateText(r.date), money(r.amount)});
    }
    table({L(K::ColKind), L(K::ColTitle), L(K::ColAuthority), L(K::ColDate), L(K::ColAmount)}, rows);
}

void HtmlBuilder::subsidies()
{
    section(K::Subsidies);
    QVector<QStringList> rows;
    for (const Core::CreditRecord &r : d.recordsOf(RK::Subsidy))
        rows.append({r.title, r.authority, dateText(r.date), money(r.amount)});
    table({L(K::ColTitle), L(K::ColAuthority), L(K::ColDate), L(K::ColAmount)}, rows);
}

void HtmlBuilder::financing()
{
    section(K::Financing);
    QVector<QStringList> rows;
    for (const Core::Application &a : d.applications) {
        rows.append({a.number, d.institutionNames.value(a.institutionId, a.institutionId),
                     dateText(a.createdAt.toUTC().date()), money(a.amount), stateText(a.state),
                     a.approvedAmount.isZero() ? QStringLiteral("—") : money(a.approvedAmount)});
    }
    table({L(K::ColAppNumber), L(K::Institution), L(K::ColDate), L(K::ColRequested), L(K::ColState),
           L(K::ColApproved)},
          rows);
}

void HtmlBuilder::judicial()
{
    section(K::Judicial);
    QVector<QStringList> rows;
    for (const Core::CreditRecord &r : d.records) {
        if (r.kind != RK::Penalty && r.kind != RK::DishonestDebtor)
            continue;
        QString detail = r.detail;
        if (r.kind == RK::DishonestDebtor) {
            const QString status = r.validTo.isValid() && r.validTo <= d.asOf
                                       ? L(K::DishonestRemoved).arg(dateText(r.validTo))
                                       : L(K::DishonestListed);
            detail = detail.isEmpty() ? status : status + QStringLiteral("; ") + detail;
        }
        rows.append({recordKindText(r.kind), r.title, r.authority, dateText(r.date),
                     r.amount.isZero() ? QStringLiteral("—") : money(r.amount), detail});
    }
    table(
        {L(K::ColKind), L(K::ColTitle), L(K::ColAuthority), L(K::ColDate), L(K::ColAmount), L(K::ColDetail)},
        rows);
}

void HtmlBuilder::score()
{
    section(K::Score);
    if (!d.score.available) {
        out += QStringLiteral("<p>") + esc(L(K::ScoreUnavailable).arg(d.score.error))
               + QStringLiteral("</p>");
        return;
    }
    keyValues(
        {{L(K::ScoreValue), QString::number(qRound(d.score.score))},
         {L(K::ScoreGrade), d.score.grade},
         {L(K::ScoreModel), d.score.modelName + QStringLiteral(" (") + d.score.modelId + QStringLiteral(" v")
                                + QString::number(d.score.modelVersion) + QLatin1Char(')')}});
    out += QStringLiteral("<p><b>") + esc(L(K::ScoreReasons)) + QStringLiteral("</b></p><ul>");
    for (const auto &r : d.score.reasons)
        out += QStringLiteral("<li>") + esc(L(K::ReasonLine).arg(r.first).arg(qRound(r.second)))
               + QStringLiteral("</li>");
    out += QStringLiteral("</ul><p><b>") + esc(L(K::ScoreImprovements)) + QStringLiteral("</b></p><ul>");
    for (int i = 0; i < d.score.improvements.size() && i < 3; ++i) {
        const auto &p = d.score.improvements.at(i);
        out += QStringLiteral("<li>") + esc(L(K::ImprovementLine).arg(p.first).arg(qRound(p.second)))
               + QStringLiteral("</li>");
    }
    out += QStringLiteral("</ul>");
}

void HtmlBuilder::sources()
{
    section(K::Sources);
    static const K names[] = {K::SrcRegistration, K::SrcTax,         K::SrcSocial,  K::SrcElectricity,
                              K::SrcBank,         K::SrcProcurement, K::SrcSubsidy, K::SrcQualification,
                              K::SrcJudicial,     K::SrcPlatform,    K::SrcScoring};
    QVector<QStringList> rows;
    for (const ReportData::Source &s : d.sources)
        rows.append({L(names[int(s.kind)]), QString::number(s.rows), dateText(s.asOf)});
    table({L(K::ColSource), L(K::ColRows), L(K::ColSourceAsOf)}, rows);
}

void HtmlBuilder::statement()
{
    section(K::Statement);
    out += QStringLiteral("<p>") + esc(L(K::StatementText)) + QStringLiteral("</p>");
}

QString HtmlBuilder::build()
{
    out = QStringLiteral("<html><head><style>h2 { font-size: 13pt; color: #1f3f6f; margin-top: 14px; } "
                         "h3 { font-size: 11pt; } th { font-weight: bold; }</style></head><body>");
    cover();
    summary();
    changes();
    registration();
    legalRep();
    qualifications();
    tax();
    social();
    utilities();
    bank();
    procurement();
    subsidies();
    financing();
    judicial();
    score();
    sources();
    statement();
    out += QStringLiteral("</body></html>");
    return out;
}

} // namespace

QString ReportRenderer::html(const ReportData &data, ReportLanguage language)
{
    HtmlBuilder builder(data, language);
    return builder.build();
}

QByteArray ReportRenderer::renderPdf(const ReportData &data, const Options &options, int *pageCount)
{
    HtmlBuilder builder(data, options.language);
    const QString html = builder.build();

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(options.resolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(ReportLabels::text(ReportLabels::Key::Title, options.language) + QStringLiteral(" ")
                    + data.number);
    writer.setCreator(QStringLiteral("XinDai Workbench"));

    QFont font(options.fontFamily);
    font.setPointSizeF(options.fontPointSize);
    // Hinting is for screens; at 300 dpi it only costs time (FreeType's bytecode interpreter).
    font.setHintingPreference(QFont::PreferNoHinting);

    QTextDocument doc;
    // Sizes in points only come out right when the layout measures on the PDF device (PLATFORM-NOTES).
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    auto *charts = new Internal::ChartObject(builder.charts, &doc);
    doc.documentLayout()->registerHandler(Internal::ChartObject::ObjectType, charts);

    const QRectF page = writer.pageLayout().fullRectPixels(options.resolution);
    const double mm = options.resolution / 25.4;
    const QRectF body(page.left() + 18 * mm, page.top() + 24 * mm, page.width() - 36 * mm,
                      page.height() - 48 * mm);
    doc.setHtml(html);

    const QSizeF chartSize(body.width(), body.width() * 0.42);
    for (int i = 0; i < builder.charts.size(); ++i) {
        QTextCursor cursor = doc.find(QStringLiteral("§chart:") + QString::number(i) + QStringLiteral("§"));
        if (cursor.isNull())
            continue;
        QTextCharFormat format;
        format.setObjectType(Internal::ChartObject::ObjectType);
        format.setProperty(Internal::ChartObject::ChartIndexProperty, i);
        format.setProperty(Internal::ChartObject::ChartSizeProperty, chartSize);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
    // Paginate only now: an edit after the first layout is laid out lazily (timer-driven) for long
    // documents, and blocks after the edit would be missing when painting right away.
    doc.setPageSize(body.size());

    const int pages = doc.pageCount();
    if (pageCount)
        *pageCount = pages;
    const ReportLanguage lang = options.language;
    const QString title = ReportLabels::text(ReportLabels::Key::Title, lang);
    const QString numberText
        = ReportLabels::text(ReportLabels::Key::ReportNumber, lang) + QStringLiteral(": ") + data.number;
    const QString codeText = ReportLabels::text(ReportLabels::Key::VerificationCode, lang)
                             + QStringLiteral(": ") + data.verificationCode();
    const QString watermark
        = ReportLabels::text(ReportLabels::Key::Watermark, lang).arg(data.institution.name, data.purpose);

    QPainter painter(&writer);
    QFont small(font);
    small.setPointSizeF(options.fontPointSize * 0.85);
    QFont mark(font);
    mark.setPointSizeF(26);
    QPen rule(QColor(0x1f, 0x3f, 0x6f));
    rule.setWidthF(0.3 * mm);
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            writer.newPage();
        painter.save();
        painter.translate(body.left(), body.top() - p * body.height());
        doc.drawContents(&painter, QRectF(0, p * body.height(), body.width(), body.height()));
        painter.restore();

        painter.setFont(small);
        painter.setPen(Qt::black);
        const QRectF header(body.left(), 10 * mm, body.width(), 10 * mm);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, title);
        painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, numberText);
        painter.setPen(rule);
        painter.drawLine(QPointF(body.left(), 21 * mm), QPointF(body.right(), 21 * mm));
        const double footerY = page.height() - 21 * mm;
        painter.drawLine(QPointF(body.left(), footerY), QPointF(body.right(), footerY));
        painter.setPen(Qt::black);
        const QRectF footer(body.left(), footerY + 1 * mm, body.width(), 10 * mm);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop, codeText);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                         ReportLabels::text(ReportLabels::Key::PageOf, lang).arg(p + 1).arg(pages));

        painter.save();
        painter.translate(page.center());
        painter.rotate(-35);
        painter.setFont(mark);
        painter.setPen(QColor(200, 40, 40, 45));
        painter.drawText(QRectF(-page.width(), -20 * mm, 2 * page.width(), 40 * mm), Qt::AlignCenter,
                         watermark);
        painter.restore();
    }
    painter.end();
    buffer.close();
    return bytes;
}

} // namespace XinDai::Report
