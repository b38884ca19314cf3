#include "firmprofilewidget.h"

#include "applicationtablemodel.h"
#include "core/firmsize.h"
#include "core/industrycodes.h"
#include "core/regioncodes.h"
#include "core/residentid.h"
#include "core/uscc.h"
#include "creditreportdialog.h"
#include "domainlabels.h"
#include "firmscorewidget.h"
#include "recordtablemodel.h"
#include "report/reportgenerator.h"
#include "reportviewer.h"
#include "seriestablemodel.h"
#include "store/applicationrepository.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace XinDai::Ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

} // namespace

FirmProfileWidget::FirmProfileWidget(Store::Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_seriesModel(new SeriesTableModel(this))
    , m_recordModel(new RecordTableModel(this))
    , m_applicationModel(new ApplicationTableModel(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    m_empty = new QLabel(tr("Choose a firm in the search results to see its profile."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setProperty("role", QStringLiteral("hint"));
    outer->addWidget(m_empty, 1);

    m_content = new QWidget(this);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *header = new QWidget(m_content);
    header->setObjectName(QStringLiteral("firmHeader"));
    auto *headerLayout = new QVBoxLayout(header);
    m_name = new QLabel(header);
    m_name->setObjectName(QStringLiteral("firmNameLabel"));
    m_name->setProperty("role", QStringLiteral("title"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uscc = new QLabel(header);
    m_uscc->setObjectName(QStringLiteral("firmUsccLabel"));
    m_uscc->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *badges = new QHBoxLayout;
    m_size = new QLabel(header);
    m_size->setObjectName(QStringLiteral("firmSizeLabel"));
    m_size->setProperty("role", QStringLiteral("badge"));
    m_park = new QLabel(header);
    m_park->setObjectName(QStringLiteral("firmParkLabel"));
    m_park->setProperty("role", QStringLiteral("badge"));
    badges->addWidget(m_size);
    badges->addWidget(m_park);
    badges->addStretch(1);
    m_reportButton = new QPushButton(tr("Credit report…"), header);
    m_reportButton->setObjectName(QStringLiteral("creditReportButton"));
    badges->addWidget(m_reportButton);
    connect(m_reportButton, &QPushButton::clicked, this, &FirmProfileWidget::askForCreditReport);
    headerLayout->addWidget(m_name);
    headerLayout->addWidget(m_uscc);
    headerLayout->addLayout(badges);
    layout->addWidget(header);

    m_tabs = new QTabWidget(m_content);
    m_tabs->setObjectName(QStringLiteral("firmTabs"));
    m_tabs->addTab(buildRegistrationTab(), tr("Registration"));
    m_tabs->addTab(buildRecordsTab(), tr("Qualifications && records"));
    m_tabs->addTab(buildSeriesTab(), tr("Monthly data"));
    m_tabs->addTab(buildApplicationsTab(), tr("Financing applications"));
    m_scoreWidget = new FirmScoreWidget(m_db);
    m_tabs->addTab(m_scoreWidget, tr("Credit score"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == ScoreTab)
            m_scoreWidget->ensureComputed();
    });
    layout->addWidget(m_tabs, 1);
    outer->addWidget(m_content, 1);
    m_content->hide();
}

void FirmProfileWidget::setSavePathProvider(std::function<QString(const QString &)> provider)
{
    m_savePathProvider = std::move(provider);
}

void FirmProfileWidget::askForCreditReport()
{
    if (m_enterpriseId.isEmpty())
        return;
    CreditReportDialog dialog(m_db, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openCreditReport(dialog.institutionId(), dialog.purpose());
}

ReportViewer *FirmProfileWidget::openCreditReport(const QString &institutionId, const QString &purpose)
{
    if (m_enterpriseId.isEmpty())
        return nullptr;
    QString error;
    const Security::Signer key
        = Report::ReportGenerator::loadOrCreateKey(Report::ReportGenerator::defaultKeyPath(), &error);
    if (!error.isEmpty()) {
        showReportMessage(true, tr("The report signing key cannot be loaded: %1").arg(error));
        return nullptr;
    }
    Report::ReportGenerator::Request request;
    request.firm = m_enterpriseId;
    request.institution = institutionId;
    request.purpose = purpose;
    request.generatedBy = m_userLogin;
    bool refused = false;
    ReportViewer *viewer = ReportViewer::generate(m_db, request, key, &error, &refused, this);
    if (!viewer) {
        showReportMessage(true, refused ? tr("No report was produced: %1").arg(error)
                                        : tr("The report could not be produced: %1").arg(error));
        return nullptr;
    }
    m_lastReportMessage.clear();
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
    return viewer;
}

bool FirmProfileWidget::generateCreditReport(const QString &institutionId, const QString &purpose)
{
    if (m_enterpriseId.isEmpty())
        return false;
    QString keyError;
    const Security::Signer key
        = Report::ReportGenerator::loadOrCreateKey(Report::ReportGenerator::defaultKeyPath(), &keyError);
    if (!keyError.isEmpty()) {
        showReportMessage(true, tr("The report signing key cannot be loaded: %1").arg(keyError));
        return false;
    }
    Report::ReportGenerator::Request request;
    request.firm = m_enterpriseId;
    request.institution = institutionId;
    request.purpose = purpose;
    request.generatedBy = m_userLogin;
    const Report::ReportGenerator::Outcome outcome = Report::ReportGenerator::generate(m_db, request, key);
    if (!outcome.ok) {
        showReportMessage(true, outcome.refused
                                    ? tr("No report was produced: %1").arg(outcome.error)
                                    : tr("The report could not be produced: %1").arg(outcome.error));
        return false;
    }
    const QString suggested = outcome.data.number + QStringLiteral(".pdf");
    const QString path = m_savePathProvider ? m_savePathProvider(suggested)
                                            : QFileDialog::getSaveFileName(this, tr("Save the credit report"),
                                                                           QDir::home().filePath(suggested),
                                                                           tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(outcome.pdf) != outcome.pdf.size() || !file.commit()) {
        showReportMessage(true,
                          tr("The report %1 could not be saved to %2: %3")
                              .arg(outcome.data.number, QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    showReportMessage(false, tr("The credit report %1 (%n page(s)) was saved to %2.\nVerification code: %3",
                                nullptr, outcome.pageCount)
                                 .arg(outcome.data.number, QDir::toNativeSeparators(path),
                                      outcome.data.verificationCode()));
    return true;
}

void FirmProfileWidget::showReportMessage(bool problem, const QString &text)
{
    m_lastReportMessage = text;
    // Window-modal and non-blocking: the flow returns at once (tests read lastReportMessage()).
    auto *box = new QMessageBox(problem ? QMessageBox::Warning : QMessageBox::Information,
                                tr("Credit report"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("creditReportMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

QWidget *FirmProfileWidget::buildRegistrationTab()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setLabelAlignment(Qt::AlignRight);
    const QList<std::pair<QString, QString>> rows = {
        {QStringLiteral("kind"), tr("Entity kind")},
        {QStringLiteral("legalRep"), tr("Legal representative")},
        {QStringLiteral("legalRepId"), tr("Representative's ID number")},
        {QStringLiteral("established"), tr("Established")},
        {QStringLiteral("capital"), tr("Registered capital")},
        {QStringLiteral("industry"), tr("Industry")},
        {QStringLiteral("region"), tr("Region")},
        {QStringLiteral("address"), tr("Address")},
        {QStringLiteral("phone"), tr("Phone")},
        {QStringLiteral("employees"), tr("Employees")},
        {QStringLiteral("revenue"), tr("Annual revenue")},
        {QStringLiteral("assets"), tr("Total assets")},
    };
    for (const auto &[key, label] : rows) {
        auto *value = new QLabel(page);
        value->setObjectName(QStringLiteral("field_") + key);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(label, value);
        m_fields.insert(key, value);
    }
    return page;
}

QWidget *FirmProfileWidget::buildRecordsTab()
{
    auto *view = makeTable(m_recordModel, QStringLiteral("recordTable"), nullptr);
    view->horizontalHeader()->setSectionResizeMode(RecordTableModel::TitleColumn, QHeaderView::Stretch);
    view->horizontalHeader()->setStretchLastSection(false);
    return view;
}

QWidget *FirmProfileWidget::buildSeriesTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    auto *table = makeTable(m_seriesModel, QStringLiteral("seriesTable"), splitter);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *chartBox = new QWidget(splitter);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *pick = new QHBoxLayout;
    m_chartCombo = new QComboBox(chartBox);
    m_chartCombo->setObjectName(QStringLiteral("chartSeriesCombo"));
    for (Core::MonthlyValue::Kind kind : DomainLabels::seriesKinds())
        m_chartCombo->addItem(DomainLabels::seriesKind(kind), int(kind));
    pick->addWidget(new QLabel(tr("Trend of:"), chartBox));
    pick->addWidget(m_chartCombo);
    pick->addStretch(1);
    chartLayout->addLayout(pick);

    m_line = new QLineSeries;
    auto *chart = new QChart;
    chart->addSeries(m_line);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("yy-MM"));
    xAxis->setTickCount(7);
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    m_line->attachAxis(xAxis);
    m_line->attachAxis(yAxis);
    m_chartView = new QChartView(chart, chartBox);
    m_chartView->setObjectName(QStringLiteral("seriesChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(180);
    chartLayout->addWidget(m_chartView, 1);

    splitter->addWidget(table);
    splitter->addWidget(chartBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    connect(m_chartCombo, &QComboBox::currentIndexChanged, this, &FirmProfileWidget::updateChart);
    return page;
}

QWidget *FirmProfileWidget::buildApplicationsTab()
{
    auto *view = makeTable(m_applicationModel, QStringLiteral("firmApplicationTable"), nullptr);
    view->setColumnHidden(ApplicationTableModel::FirmColumn, true);
    return view;
}

void FirmProfileWidget::setField(const QString &key, const QString &value)
{
    if (QLabel *label = m_fields.value(key))
        label->setText(value.isEmpty() ? QStringLiteral("—") : value);
}

void FirmProfileWidget::clear()
{
    m_enterpriseId.clear();
    m_scoreWidget->setEnterprise({});
    m_seriesModel->setSeries({});
    m_recordModel->setRecords({});
    m_applicationModel->setApplications({}, ApplicationTableModel::Names{});
    m_content->hide();
    m_empty->show();
}

bool FirmProfileWidget::showEnterprise(const QString &enterpriseId)
{
    const std::optional<Core::Enterprise> found = Store::EnterpriseRepository(m_db).byId(enterpriseId);
    if (!found) {
        clear();
        m_empty->setText(tr("The firm with id %1 is not in the local database.").arg(enterpriseId));
        return false;
    }
    const Core::Enterprise &e = *found;
    m_enterpriseId = e.meta.id;

    m_name->setText(e.name);
    const QString described = Core::Uscc::describe(e.uscc);
    m_uscc->setText(described.isEmpty() ? e.uscc : tr("%1 · %2").arg(e.uscc, described));
    const Core::FirmSize size
        = Core::FirmSizeClassifier::classify(e.industryCode, e.employees, e.annualRevenue, e.totalAssets);
    m_size->setText(Core::FirmSizeClassifier::label(size));
    QString parkName;
    if (!e.parkId.isEmpty()) {
        if (const std::optional<Core::Park> park = Store::ReferenceRepository(m_db).park(e.parkId))
            parkName = park->name;
    }
    m_park->setText(parkName.isEmpty() ? tr("Outside any park") : parkName);

    setField(QStringLiteral("kind"),
             e.kind == Core::Enterprise::Kind::Company ? tr("Enterprise") : tr("Individual business"));
    setField(QStringLiteral("legalRep"), e.legalRep);
    setField(QStringLiteral("legalRepId"), Core::ResidentId::masked(e.legalRepId));
    setField(QStringLiteral("established"), DomainLabels::date(e.established));
    setField(QStringLiteral("capital"), DomainLabels::money(e.registeredCapital));
    const QString industry = Core::IndustryCodes::name(e.industryCode);
    setField(QStringLiteral("industry"),
             industry.isEmpty() ? e.industryCode : tr("%1 (%2)").arg(industry, e.industryCode));
    const QString region = Core::RegionCodes::fullName(e.regionCode);
    setField(QStringLiteral("region"),
             region.isEmpty() ? e.regionCode : tr("%1 (%2)").arg(region, e.regionCode));
    setField(QStringLiteral("address"), e.address);
    setField(QStringLiteral("phone"), e.phone);
    setField(QStringLiteral("employees"), QLocale().toString(e.employees));
    setField(QStringLiteral("revenue"), DomainLabels::money(e.annualRevenue));
    setField(QStringLiteral("assets"), DomainLabels::money(e.totalAssets));

    const Store::FirmDataRepository data(m_db);
    m_recordModel->setRecords(data.records(e.meta.id));
    m_seriesModel->setSeries(data.allSeries(e.meta.id));
    Store::ApplicationRepository::Filter filter;
    filter.enterpriseId = e.meta.id;
    m_applicationModel->setApplications(Store::ApplicationRepository(m_db).applications(filter), m_db);
    updateChart();
    m_scoreWidget->setEnterprise(e.meta.id);
    if (m_tabs->currentIndex() == ScoreTab)
        m_scoreWidget->ensureComputed();

    m_empty->hide();
    m_content->show();
    return true;
}

int FirmProfileWidget::chartPointCount() const
{
    return int(m_line->count());
}

void FirmProfileWidget::updateChart()
{
    const auto kind = static_cast<Core::MonthlyValue::Kind>(m_chartCombo->currentData().toInt());
    QList<QPointF> points;
    qint64 minValue = 0;
    qint64 maxValue = 0;
    bool first = true;
    for (const QDate &month : m_seriesModel->months()) {
        const std::optional<qint64> v = m_seriesModel->value(month, kind);
        if (!v)
            continue;
        // Money series are stored in fen; the chart shows yuan (display only, no arithmetic).
        const qint64 shown = DomainLabels::seriesIsMoney(kind) ? *v / 100 : *v;
        points.append(QPointF(double(month.startOfDay().toMSecsSinceEpoch()), double(shown)));
        minValue = first ? shown : std::min(minValue, shown);
        maxValue = first ? shown : std::max(maxValue, shown);
        first = false;
    }
    m_line->replace(points);
    QChart *chart = m_chartView->chart();
    chart->setTitle(tr("%1 (%2)").arg(DomainLabels::seriesKind(kind), DomainLabels::seriesUnit(kind)));
    const QList<QAbstractAxis *> xAxes = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> yAxes = chart->axes(Qt::Vertical);
    const QVector<QDate> months = m_seriesModel->months();
    if (!xAxes.isEmpty() && !months.isEmpty())
        xAxes.first()->setRange(months.first().startOfDay(), months.last().startOfDay());
    if (!yAxes.isEmpty()) {
        const qint64 pad = std::max<qint64>(1, (maxValue - minValue) / 10);
        yAxes.first()->setRange(double(std::max<qint64>(0, minValue - pad)), double(maxValue + pad));
    }
}

} // namespace XinDai::Ui
