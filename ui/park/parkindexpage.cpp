#include "parkindexpage.h"

#include "common/domainlabels.h"
#include "kpicardwidget.h"
#include "scoring/featureextractor.h"
#include "scoring/gradescale.h"
#include "scoring/modelregistry.h"
#include "scoring/scorecard.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace XinDai::Ui {

using State = Core::Application::State;

ParkIndexPage::ParkIndexPage(Store::Database &db, const QString &parkId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_fixedPark(parkId)
    , m_asOf(QDate::currentDate())
{
    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setProperty("role", QStringLiteral("pageTitle"));
    top->addWidget(m_title, 1);
    if (parkId.isEmpty()) {
        m_parkCombo = new QComboBox(this);
        m_parkCombo->setObjectName(QStringLiteral("parkCombo"));
        m_parkCombo->addItem(tr("All parks"), QString());
        for (const Core::Park &park : Store::ReferenceRepository(db).parks())
            m_parkCombo->addItem(park.name, park.meta.id);
        top->addWidget(new QLabel(tr("Park:"), this));
        top->addWidget(m_parkCombo);
        connect(m_parkCombo, &QComboBox::currentIndexChanged, this, [this] {
            if (isLoaded())
                refresh();
        });
    }

    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 3);
    big.setBold(true);
    m_index = new QLabel(QStringLiteral("—"), this);
    m_index->setObjectName(QStringLiteral("parkIndexValue"));
    m_index->setFont(big);
    m_grade = new QLabel(this);
    m_grade->setObjectName(QStringLiteral("parkIndexGrade"));
    m_grade->setFont(big);
    m_grade->setStyleSheet(QStringLiteral("color: #1f5fa8;"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("parkIndexNote"));
    m_note->setWordWrap(true);
    m_note->setProperty("role", QStringLiteral("hint"));
    auto *headline = new QHBoxLayout;
    auto *caption = new QVBoxLayout;
    caption->addWidget(new QLabel(tr("Park credit index (0–100)"), this));
    auto *numbers = new QHBoxLayout;
    numbers->addWidget(m_index);
    numbers->addSpacing(24);
    numbers->addWidget(m_grade);
    numbers->addStretch(1);
    caption->addLayout(numbers);
    headline->addLayout(caption, 1);
    headline->addWidget(m_note, 1);

    m_scoreCard = new KpiCardWidget(tr("Average firm score (S)"), this);
    m_scoreCard->setObjectName(QStringLiteral("componentScore"));
    m_accessCard = new KpiCardWidget(tr("Financing access (A)"), this);
    m_accessCard->setObjectName(QStringLiteral("componentAccess"));
    m_riskCard = new KpiCardWidget(tr("Risk incidence (R)"), this);
    m_riskCard->setObjectName(QStringLiteral("componentRisk"));
    auto *cards = new QGridLayout;
    cards->addWidget(m_scoreCard, 0, 0);
    cards->addWidget(m_accessCard, 0, 1);
    cards->addWidget(m_riskCard, 0, 2);

    m_bars = new QBarSet(tr("Firms"));
    m_bars->setLabelColor(QColor(0x1f, 0x2d, 0x3d)); // labels sit above the bars, on the white plot
    auto *series = new QBarSeries;
    series->append(m_bars);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd); // small counts stay readable
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Firms by commercial-value grade"));
    chart->legend()->hide();
    auto *categories = new QBarCategoryAxis;
    categories->append(Scoring::GradeScale::gradeNames());
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *counts = new QValueAxis;
    counts->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
    m_chartView = new QChartView(chart, this);
    m_chartView->setObjectName(QStringLiteral("gradeChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(headline);
    layout->addLayout(cards);
    layout->addWidget(m_chartView, 1);
}

QString ParkIndexPage::parkId() const
{
    return m_parkCombo ? m_parkCombo->currentData().toString() : m_fixedPark;
}

ParkIndexPage::Inputs ParkIndexPage::collect(Store::Database &db, const QString &parkId, const QDate &asOf,
                                             const Scoring::Scorecard &commercial)
{
    Inputs inputs;
    inputs.gradeCounts = QVector<int>(Scoring::GradeScale::gradeNames().size(), 0);
    // The store has no "firms of a park" listing (search needs a text): read the ids directly.
    QStringList ids;
    {
        QSqlQuery query(db.sql());
        query.prepare(
            parkId.isEmpty()
                ? QStringLiteral("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY id")
                : QStringLiteral("SELECT id FROM enterprise WHERE deleted = 0 AND park_id = ? ORDER BY id"));
        if (!parkId.isEmpty())
            query.addBindValue(parkId);
        if (query.exec()) {
            while (query.next())
                ids.append(query.value(0).toString());
        }
    }
    QSet<QString> financed;
    const Store::ApplicationRepository applications(db);
    for (State state : {State::Approved, State::Disbursed, State::Settled}) {
        Store::ApplicationRepository::Filter filter;
        filter.state = state;
        for (const Core::Application &a : applications.applications(filter))
            financed.insert(a.enterpriseId);
    }
    const Store::EnterpriseRepository enterprises(db);
    const Store::FirmDataRepository data(db);
    using Feature = Scoring::FirmFeatures::Feature;
    for (const QString &id : std::as_const(ids)) {
        const std::optional<Core::Enterprise> firm = enterprises.byId(id);
        if (!firm)
            continue;
        const Scoring::FirmFeatures features
            = Scoring::FeatureExtractor::extract(*firm, data.allSeries(id), data.records(id), asOf);
        const Scoring::ScoreResult scored = commercial.score(features);
        Scoring::ParkIndex::Firm entry;
        entry.score = scored.score;
        entry.approvedLoan = financed.contains(id);
        entry.riskEvent = features.value(Feature::Penalties3y).value_or(0) > 0
                          || features.value(Feature::DishonestNow).value_or(0) > 0;
        inputs.firms.append(entry);
        const qsizetype grade = Scoring::GradeScale::gradeNames().indexOf(scored.grade);
        if (grade >= 0)
            ++inputs.gradeCounts[grade];
    }
    return inputs;
}

void ParkIndexPage::refresh()
{
    const QLocale locale;
    const QString park = parkId();
    QString parkName;
    if (!park.isEmpty()) {
        if (const std::optional<Core::Park> found = Store::ReferenceRepository(m_db).park(park))
            parkName = found->name;
    }
    m_title->setText(parkName.isEmpty() ? tr("Credit index of all parks")
                                        : tr("Credit index of %1").arg(parkName));

    QString error;
    const std::optional<Scoring::Scorecard> commercial = Scoring::ModelRegistry::commercial(&error);
    const std::optional<Scoring::ParkIndex> model
        = commercial ? Scoring::ModelRegistry::parkIndex(&error) : std::nullopt;
    Inputs inputs;
    m_result = Scoring::ParkIndex::Result{};
    if (commercial && model) {
        inputs = collect(m_db, park, m_asOf, *commercial);
        m_result = model->compute(inputs.firms);
        if (!m_result.ok)
            error = m_result.error;
    }
    m_gradeCounts = inputs.gradeCounts;

    if (m_result.ok) {
        m_index->setText(locale.toString(m_result.index, 'f', 1));
        m_grade->setText(m_result.grade);
        m_note->setText(tr("%n firm(s) scored with %1 (version %2) as of %3; model %4 (version %5).", nullptr,
                           m_result.firms)
                            .arg(commercial->info().id)
                            .arg(commercial->info().version)
                            .arg(DomainLabels::date(m_asOf), model->info().id)
                            .arg(model->info().version));
        m_scoreCard->setValue(locale.toString(m_result.meanFirmScore, 'f', 3),
                              tr("%1 points").arg(locale.toString(m_result.scorePoints, 'f', 1)));
        m_accessCard->setValue(locale.toString(100 * m_result.financingAccess, 'f', 1) + QLatin1Char('%'),
                               tr("%1 points: share of firms with an approved loan")
                                   .arg(locale.toString(m_result.accessPoints, 'f', 1)));
        m_riskCard->setValue(
            locale.toString(100 * m_result.riskIncidence, 'f', 1) + QLatin1Char('%'),
            tr("%1 points: share of firms with a penalty in 3 years or a dishonest-debtor listing")
                .arg(locale.toString(m_result.riskPoints, 'f', 1)));
    } else {
        m_index->setText(QStringLiteral("—"));
        m_grade->clear();
        m_note->setText(tr("The park credit index cannot be computed: %1").arg(error));
        for (KpiCardWidget *card : {m_scoreCard, m_accessCard, m_riskCard})
            card->setValue(QStringLiteral("—"));
    }

    m_bars->remove(0, m_bars->count());
    int maximum = 0;
    for (int n : std::as_const(m_gradeCounts)) {
        m_bars->append(n);
        maximum = std::max(maximum, n);
    }
    const QList<QAbstractAxis *> axes = m_chartView->chart()->axes(Qt::Vertical);
    if (auto *counts = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first())) {
        counts->setRange(0, maximum < 4 ? 5 : maximum * 1.15); // room for the labels above the bars
        counts->applyNiceNumbers();
    }
}

} // namespace XinDai::Ui
