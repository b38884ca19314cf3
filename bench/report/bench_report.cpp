// Times ReportGenerator::generate() for one firm: authorization check, data snapshot, score, PDF
// (QTextDocument + vector charts, A4 at 300 dpi, CJK font embedded), Ed25519 signature, report_log row.
// Prints {"bench":"report_pdf","ms":<median of 7 runs after one warm-up>,"pages":N,"bytes":N}.

#include "demo/demogenerator.h"
#include "report/reportgenerator.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace XinDai;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    QTemporaryDir dir;
    Demo::DemoGenerator::Options options;
    options.firms = 20;
    options.passwordIterations = 0;
    QString error;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    if (!Demo::DemoGenerator::createDatabase(path, options, &error)) {
        err << error << "\n";
        return 1;
    }
    Store::Database db;
    if (!db.open(path, &error)) {
        err << error << "\n";
        return 1;
    }
    // The firm with the most records: the largest report of the set.
    QSqlQuery q(db.sql());
    if (!q.exec(QStringLiteral(
            "SELECT enterprise_id FROM credit_record GROUP BY enterprise_id ORDER BY COUNT(*) DESC "
            "LIMIT 1"))
        || !q.next())
        return 1;
    const Core::Enterprise firm = *Store::EnterpriseRepository(db).byId(q.value(0).toString());
    const Core::Institution institution = Store::ReferenceRepository(db).institutions().first();
    Core::Authorization a;
    a.enterpriseId = firm.meta.id;
    a.institutionIds = {institution.meta.id};
    a.purpose = QStringLiteral("贷款审批");
    a.validFrom = options.asOf.addDays(-1);
    a.validTo = options.asOf.addDays(30);
    if (!Store::ApplicationRepository(db).save(a, &error)) {
        err << error << "\n";
        return 1;
    }
    const Security::Signer key = Security::Signer::generate();
    Report::ReportGenerator::Request request;
    request.firm = firm.uscc;
    request.institution = institution.meta.id;
    request.purpose = a.purpose;
    request.asOf = options.asOf;
    request.generatedBy = QStringLiteral("bench");

    Report::ReportGenerator::Outcome outcome = Report::ReportGenerator::generate(db, request, key); // warm-up
    if (!outcome.ok) {
        err << outcome.error << "\n";
        return 1;
    }
    QVector<double> ms;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        outcome = Report::ReportGenerator::generate(db, request, key);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        if (!outcome.ok)
            return 1;
    }
    std::sort(ms.begin(), ms.end());
    QTextStream(stdout) << "{\"bench\":\"report_pdf\",\"ms\":"
                        << QString::number(ms.at(ms.size() / 2), 'f', 1) << ",\"pages\":" << outcome.pageCount
                        << ",\"bytes\":" << outcome.pdf.size() << "}\n";
    return 0;
}
