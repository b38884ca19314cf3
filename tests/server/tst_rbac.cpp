// The RBAC matrix of the central store (docs/server.md, "Scope"): what every role pulls, what every
// role may push, and the re-stamping that lets a bank receive a firm it was just given access to.
// Each case on SQLite and PostgreSQL. The world (servertestdb.h):
//   park A: firmA1 (applications to X submitted, to Y draft; authorization for X valid)
//           firmA2 (application to X submitted; authorization for X expired yesterday)
//           firmA3 (application to X submitted; authorization for X revoked)
//   park B: firmB1 (application to X submitted; no authorization)
//   users: admin, staffA (window staff, A), managerA (park manager, A), staffB (window staff, B),
//          bankX (officer of X), bankY (officer of Y)

#include "core/domain/syncmeta.h"
#include "server/rowstore.h"
#include "server/syncservice.h"
#include "servertestdb.h"
#include "sync/entitycatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace XinDai;
using namespace XinDai::Server;
using namespace XinDai::Server::Test;

namespace {

const Caller &callerNamed(const World &w, const QString &name)
{
    if (name == u"admin"_s)
        return w.admin;
    if (name == u"staffA"_s)
        return w.staffA;
    if (name == u"managerA"_s)
        return w.managerA;
    if (name == u"staffB"_s)
        return w.staffB;
    if (name == u"bankX"_s)
        return w.bankX;
    return w.bankY;
}

/// Labels of the non-reference rows \a caller pulls from \a cursor (all pages), plus the number of
/// reference rows seen.
QStringList pullLabels(SyncService &sync, const World &w, const Caller &caller, qint64 *cursor,
                       int *references)
{
    QStringList labels;
    int refs = 0;
    for (const Sync::Row &row : pullAll(sync, caller, cursor, 5)) {
        if (Sync::EntityCatalog::find(row.entity)->scope == Sync::EntitySpec::Scope::Reference)
            ++refs;
        else
            labels << w.labels.value(row.id, row.entity + u':' + row.id);
    }
    if (references)
        *references = refs;
    labels.sort();
    return labels;
}

Sync::Operation upsert(const QString &entity, const QString &rowId, const QJsonObject &fields,
                       qint64 base = 0)
{
    Sync::Operation op;
    op.opId = Core::newId();
    op.entity = entity;
    op.rowId = rowId;
    op.baseVersion = base;
    op.fields = fields;
    op.createdAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
    return op;
}

Sync::OpResult pushOne(ServerDatabase &db, SyncService &sync, const Caller &caller, const Sync::Operation &op)
{
    Sync::PushRequest request;
    request.clientId = u"c1c1c1c1-0000-4000-8000-000000000002"_s;
    request.operations = {atCurrent(db, op)};
    QString error;
    const auto response = sync.push(caller, request, &error);
    if (!response)
        qFatal("push failed: %s", qPrintable(error));
    return response->results.first();
}

int auditCount(ServerDatabase &db, const QString &action)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT COUNT(*) FROM audit_log WHERE action = ?"_s);
    q.addBindValue(action);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestRbac : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase() { TestStore::dropSharedDatabase(); }
    void pullMatrix_data();
    void pullMatrix();
    void visibleMatchesPull_data();
    void visibleMatchesPull();
    void pushMatrix_data();
    void pushMatrix();
    void bankGainsFirm_data();
    void bankGainsFirm();
    void parkGainsMovedFirm_data();
    void parkGainsMovedFirm();
};

void TestRbac::pullMatrix_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QStringList>("visible");
    const QStringList parkA{u"firmA1"_s, u"firmA2"_s, u"firmA3"_s, u"appA1X"_s, u"appA1Y"_s, u"appA2X"_s,
                            u"appA3X"_s, u"authA1"_s, u"authA2"_s, u"authA3"_s, u"mvA1"_s,   u"crA1"_s};
    const QStringList parkB{u"firmB1"_s, u"appB1X"_s, u"mvB1"_s, u"crB1"_s};
    const QStringList users{u"user:admin"_s,  u"user:staffA"_s, u"user:managerA"_s,
                            u"user:staffB"_s, u"user:bankX"_s,  u"user:bankY"_s};
    const QList<std::pair<QString, QStringList>> rows{
        // Admin: every row.
        {u"admin"_s, parkA + parkB + users},
        // Park staff: their park's firms, the firms' records and applications (drafts too), and
        // their own user row; nothing of park B, no other user.
        {u"staffA"_s, parkA + QStringList{u"user:staffA"_s}},
        {u"managerA"_s, parkA + QStringList{u"user:managerA"_s}},
        {u"staffB"_s, parkB + QStringList{u"user:staffB"_s}},
        // Bank X: the non-draft applications addressed to X (A1, A2, A3, B1), but only firmA1's data:
        // firmA2's authorization expired, firmA3's is revoked, firmB1 has none.
        {u"bankX"_s,
         {u"appA1X"_s, u"appA2X"_s, u"appA3X"_s, u"appB1X"_s, u"firmA1"_s, u"authA1"_s, u"mvA1"_s, u"crA1"_s,
          u"user:bankX"_s}},
        // Bank Y: its only application is a draft, which banks never see.
        {u"bankY"_s, {u"user:bankY"_s}},
    };
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        for (const auto &[caller, visible] : rows)
            QTest::newRow(qPrintable(backend + u' ' + caller)) << backend << caller << sorted(visible);
    }
}

void TestRbac::pullMatrix()
{
    QFETCH(QString, caller);
    QFETCH(QStringList, visible);
    XINDAI_OPEN_WORLD();
    qint64 cursor = 0;
    int references = 0;
    const QStringList pulled = pullLabels(sync, w, callerNamed(w, caller), &cursor, &references);
    QCOMPARE(pulled, visible);
    // Reference data (2 parks, 2 institutions) reaches everybody.
    QCOMPARE(references, 4);
    // Skipped rows still advance the cursor to the head.
    QCOMPARE(cursor, db.headSequence());
    // A bank's read of firm data is audited (one entry per page that held some); nobody else's is.
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(u"SELECT user_id, detail FROM audit_log WHERE action = 'pull_credit_data'"_s));
    int auditedRows = 0;
    QSet<QString> auditedFirms;
    while (q.next()) {
        QCOMPARE(q.value(0).toString(), w.bankX.userId);
        const QJsonObject detail = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        auditedRows += detail.value(u"rows"_s).toInt();
        for (const QJsonValue &id : detail.value(u"enterprise_ids"_s).toArray())
            auditedFirms.insert(id.toString());
    }
    // bankX read firmA1 and its three records; nobody else read firm data.
    QCOMPARE(auditedRows, caller == u"bankX"_s ? 4 : 0);
    QCOMPARE(auditedFirms, caller == u"bankX"_s ? QSet<QString>{w.firmA1} : QSet<QString>());
}

void TestRbac::visibleMatchesPull_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QStringList>("hidden");
    const QStringList all{u"firmA1"_s, u"firmA2"_s, u"firmA3"_s, u"firmB1"_s, u"unknown"_s};
    const QList<std::pair<QString, QStringList>> rows{
        // Admin sees every firm: only the id the server does not hold is hidden.
        {u"admin"_s, {u"unknown"_s}},
        // Park staff: the firms of the other park are hidden.
        {u"staffA"_s, {u"firmB1"_s, u"unknown"_s}},
        {u"staffB"_s, {u"firmA1"_s, u"firmA2"_s, u"firmA3"_s, u"unknown"_s}},
        // Bank X: only firmA1 is under a valid authorization (A2 expired, A3 revoked, B1 none).
        {u"bankX"_s, {u"firmA2"_s, u"firmA3"_s, u"firmB1"_s, u"unknown"_s}},
        // Bank Y: its only application is a draft.
        {u"bankY"_s, all},
    };
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        for (const auto &[caller, hidden] : rows)
            QTest::newRow(qPrintable(backend + u' ' + caller)) << backend << caller << hidden;
    }
}

void TestRbac::visibleMatchesPull()
{
    // POST /sync/visible answers with the read rule of pull: a firm is hidden exactly when a full pull
    // does not bring it. Hidden ids keep the request's order; a tombstoned firm is hidden to all.
    QFETCH(QString, caller);
    QFETCH(QStringList, hidden);
    XINDAI_OPEN_WORLD();
    const QString unknown = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f69"_s;
    QHash<QString, QString> labels = w.labels;
    labels.insert(unknown, u"unknown"_s);

    Sync::VisibleRequest request;
    request.entity = u"enterprise"_s;
    request.ids = {w.firmA1, w.firmA2, w.firmA3, w.firmB1, unknown};
    QString error;
    auto response = sync.visible(callerNamed(w, caller), request, &error);
    QVERIFY2(response, qPrintable(error));
    QStringList got;
    for (const QString &id : std::as_const(response->hidden))
        got.append(labels.value(id, id));
    QCOMPARE(got, hidden);

    // The same split as a full pull's firms.
    qint64 cursor = 0;
    const QStringList pulled = pullLabels(sync, w, callerNamed(w, caller), &cursor, nullptr);
    for (const QString &id : std::as_const(request.ids)) {
        const QString label = labels.value(id);
        QCOMPARE(pulled.contains(label), !got.contains(label));
    }

    // Order follows the request, not the database.
    std::reverse(request.ids.begin(), request.ids.end());
    response = sync.visible(callerNamed(w, caller), request, &error);
    QVERIFY2(response, qPrintable(error));
    std::reverse(got.begin(), got.end());
    QStringList reversed;
    for (const QString &id : std::as_const(response->hidden))
        reversed.append(labels.value(id, id));
    QCOMPARE(reversed, got);

    // A deleted firm is hidden even from the admin and its own park.
    {
        QVERIFY(db.transaction());
        QVERIFY2(RowStore(db).remove(u"enterprise"_s, w.firmA1, &error), qPrintable(error));
        QVERIFY(db.commit());
    }
    request.ids = {w.firmA1};
    response = sync.visible(callerNamed(w, caller), request, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->hidden, QStringList{w.firmA1});

    // Only firm-scoped entities can be asked about (fromJson refuses them first; the service too).
    request.entity = u"application"_s;
    QVERIFY(!sync.visible(callerNamed(w, caller), request, &error));
    QCOMPARE(sync.lastFailure(), SyncService::Failure::BadRequest);
    QVERIFY2(error.contains(u"application"_s), qPrintable(error));
}

void TestRbac::pushMatrix_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("kase");
    QTest::addColumn<QString>("reason"); // "" = applied
    QTest::addColumn<bool>("audited");   // a refusal of role/scope is audited as "forbidden"
    const QList<std::tuple<QString, QString, bool>> cases{
        // Another park's firm, both ways round.
        {u"staffA edits firmB1"_s, u"The firm belongs to another park."_s, true},
        {u"staffB edits firmA1"_s, u"The firm belongs to another park."_s, true},
        // Moving a firm out of one's park is writing another park's data.
        {u"staffA moves firmA1 to park B"_s, u"The field park_id must name your own park."_s, true},
        {u"staffA adds a monthly value to firmB1"_s, u"The firm of this record belongs to another park."_s,
         true},
        {u"staffA creates an application in park B"_s, u"The field park_id must name your own park."_s, true},
        {u"staffA creates an application for firmB1 in park A"_s,
         u"The firm of this application belongs to another park."_s, true},
        {u"managerA edits appB1X"_s, u"The application belongs to another park."_s, true},
        // Another institution's application, and a draft (never addressed yet).
        {u"bankY accepts appA1X"_s, u"The application is not addressed to your institution."_s, true},
        {u"bankY accepts draft appA1Y"_s, u"The application is not addressed to your institution."_s, true},
        // Banks push decisions only.
        {u"bankX edits firmA1"_s, u"Your role may not change records of the kind enterprise."_s, true},
        {u"bankX changes the amount of appA1X"_s,
         u"A bank officer may not change the field amount of an application."_s, true},
        {u"bankX creates an application"_s,
         u"A bank officer cannot create applications; the park window creates them."_s, true},
        {u"bankX adds an authorization"_s, u"Your role may not change records of the kind authorization."_s,
         true},
        // The author of a record is the signed-in user, never another one named by the client.
        {u"staffA creates an application as staffB"_s,
         u"The field created_by must name the signed-in user."_s, true},
        {u"staffA records an authorization as managerA"_s,
         u"The field recorded_by must name the signed-in user."_s, true},
        // Reference data and users are the administrator's.
        {u"staffA edits a park"_s, u"Your role may not change records of the kind park."_s, true},
        {u"managerA edits a user"_s, u"Your role may not change records of the kind app_user."_s, true},
        // State machine by role: staff cannot accept, banks cannot submit.
        {u"staffA accepts appA1X"_s, u"Your role may not move an application from submitted to accepted."_s,
         false},
        {u"staffA edits submitted appA1X"_s,
         u"The application can only be edited while it is a draft; the field amount cannot change once it is submitted."_s,
         false},
        // The allowed ones.
        {u"bankX accepts appA1X"_s, QString(), false},
        {u"bankX accepts appB1X"_s, QString(), false},
        {u"staffA submits appA1Y"_s, QString(), false},
        {u"managerA withdraws appA1X"_s, QString(), false},
        {u"staffA edits firmA1"_s, QString(), false},
        {u"admin edits firmB1"_s, QString(), false},
        {u"admin accepts appB1X"_s, QString(), false},
    };
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        for (const auto &[kase, reason, audited] : cases)
            QTest::newRow(qPrintable(backend + u' ' + kase)) << backend << kase << reason << audited;
    }
}

void TestRbac::pushMatrix()
{
    QFETCH(QString, kase);
    QFETCH(QString, reason);
    QFETCH(bool, audited);
    XINDAI_OPEN_WORLD();
    const QString id = Core::newId();
    const QJsonObject accept{{u"state"_s, u"accepted"_s}, {u"accepted_at"_s, u"2026-11-25T09:00:00.000Z"_s}};
    const QHash<QString, std::pair<QString, Sync::Operation>> ops{
        {u"staffA edits firmB1"_s, {u"staffA"_s, upsert(u"enterprise"_s, w.firmB1, {{u"employees"_s, 9}})}},
        {u"staffB edits firmA1"_s, {u"staffB"_s, upsert(u"enterprise"_s, w.firmA1, {{u"employees"_s, 9}})}},
        {u"staffA moves firmA1 to park B"_s,
         {u"staffA"_s, upsert(u"enterprise"_s, w.firmA1, {{u"park_id"_s, w.parkB}})}},
        {u"staffA adds a monthly value to firmB1"_s,
         {u"staffA"_s, upsert(u"monthly_value"_s, id,
                              {{u"enterprise_id"_s, w.firmB1},
                               {u"kind"_s, u"electricity"_s},
                               {u"month"_s, u"2026-09-01"_s}})}},
        {u"staffA creates an application in park B"_s,
         {u"staffA"_s,
          upsert(u"application"_s, id,
                 {{u"enterprise_id"_s, w.firmB1}, {u"park_id"_s, w.parkB}, {u"state"_s, u"draft"_s}})}},
        {u"staffA creates an application for firmB1 in park A"_s,
         {u"staffA"_s,
          upsert(u"application"_s, id,
                 {{u"enterprise_id"_s, w.firmB1}, {u"park_id"_s, w.parkA}, {u"state"_s, u"draft"_s}})}},
        {u"managerA edits appB1X"_s,
         {u"managerA"_s, upsert(u"application"_s, w.appB1X, {{u"purpose"_s, u"x"_s}})}},
        {u"bankY accepts appA1X"_s, {u"bankY"_s, upsert(u"application"_s, w.appA1X, accept)}},
        {u"bankY accepts draft appA1Y"_s, {u"bankY"_s, upsert(u"application"_s, w.appA1Y, accept)}},
        {u"bankX edits firmA1"_s, {u"bankX"_s, upsert(u"enterprise"_s, w.firmA1, {{u"employees"_s, 9}})}},
        {u"bankX changes the amount of appA1X"_s,
         {u"bankX"_s, upsert(u"application"_s, w.appA1X, {{u"state"_s, u"accepted"_s}, {u"amount"_s, 1}})}},
        {u"bankX creates an application"_s,
         {u"bankX"_s, upsert(u"application"_s, id,
                             {{u"enterprise_id"_s, w.firmA1},
                              {u"institution_id"_s, w.instX},
                              {u"state"_s, u"submitted"_s}})}},
        {u"bankX adds an authorization"_s,
         {u"bankX"_s, upsert(u"authorization"_s, id, {{u"enterprise_id"_s, w.firmB1}})}},
        {u"staffA creates an application as staffB"_s,
         {u"staffA"_s, upsert(u"application"_s, id,
                              {{u"enterprise_id"_s, w.firmA1},
                               {u"park_id"_s, w.parkA},
                               {u"state"_s, u"draft"_s},
                               {u"created_by"_s, w.staffB.userId}})}},
        {u"staffA records an authorization as managerA"_s,
         {u"staffA"_s, upsert(u"authorization"_s, id,
                              {{u"enterprise_id"_s, w.firmA1}, {u"recorded_by"_s, w.managerA.userId}})}},
        {u"staffA edits a park"_s, {u"staffA"_s, upsert(u"park"_s, w.parkA, {{u"name"_s, u"改名"_s}})}},
        {u"managerA edits a user"_s,
         {u"managerA"_s, upsert(u"app_user"_s, w.staffA.userId, {{u"display_name"_s, u"张三"_s}})}},
        {u"staffA accepts appA1X"_s, {u"staffA"_s, upsert(u"application"_s, w.appA1X, accept)}},
        {u"staffA edits submitted appA1X"_s,
         {u"staffA"_s, upsert(u"application"_s, w.appA1X, {{u"amount"_s, 5}})}},
        {u"bankX accepts appA1X"_s, {u"bankX"_s, upsert(u"application"_s, w.appA1X, accept)}},
        {u"bankX accepts appB1X"_s, {u"bankX"_s, upsert(u"application"_s, w.appB1X, accept)}},
        {u"staffA submits appA1Y"_s,
         {u"staffA"_s,
          upsert(u"application"_s, w.appA1Y,
                 {{u"state"_s, u"submitted"_s}, {u"submitted_at"_s, u"2026-11-25T09:00:00.000Z"_s}})}},
        {u"managerA withdraws appA1X"_s,
         {u"managerA"_s, upsert(u"application"_s, w.appA1X, {{u"state"_s, u"withdrawn"_s}})}},
        {u"staffA edits firmA1"_s, {u"staffA"_s, upsert(u"enterprise"_s, w.firmA1, {{u"employees"_s, 9}})}},
        {u"admin edits firmB1"_s, {u"admin"_s, upsert(u"enterprise"_s, w.firmB1, {{u"employees"_s, 9}})}},
        {u"admin accepts appB1X"_s, {u"admin"_s, upsert(u"application"_s, w.appB1X, accept)}},
    };
    QVERIFY2(ops.contains(kase), qPrintable(kase));
    const auto &[who, op] = ops.value(kase);
    const QString before = dump(db);
    const Sync::OpResult r = pushOne(db, sync, callerNamed(w, who), op);
    if (reason.isEmpty()) {
        QCOMPARE(r.reason, QString());
        QCOMPARE(r.status, Sync::OpResult::Status::Applied);
        QVERIFY(r.newVersion > 0);
        QCOMPARE(RowStore(db).load(op.entity, op.rowId)->version, r.newVersion);
        // A state change is a decision: audited with both states.
        if (op.fields.contains(u"state"_s)) {
            QCOMPARE(auditCount(db, u"decision"_s), 1);
            QSqlQuery q(db.sql());
            QVERIFY(q.exec(u"SELECT user_id, row_id, detail FROM audit_log WHERE action = 'decision'"_s)
                    && q.next());
            QCOMPARE(q.value(0).toString(), callerNamed(w, who).userId);
            QCOMPARE(q.value(1).toString(), op.rowId);
            const QJsonObject detail = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            QCOMPARE(detail.value(u"to"_s).toString(), op.fields.value(u"state"_s).toString());
        }
    } else {
        QCOMPARE(r.status, Sync::OpResult::Status::Rejected);
        QCOMPARE(r.reason, reason);
        QCOMPARE(dump(db), before);
        QCOMPARE(auditCount(db, u"forbidden"_s), audited ? 1 : 0);
        QCOMPARE(auditCount(db, u"decision"_s), 0);
    }
}

void TestRbac::bankGainsFirm_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("authorizationFirst");
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        QTest::newRow(qPrintable(backend + u" submit, then authorize"_s)) << backend << false;
        QTest::newRow(qPrintable(backend + u" authorize, then submit"_s)) << backend << true;
    }
}

void TestRbac::bankGainsFirm()
{
    QFETCH(bool, authorizationFirst);
    XINDAI_OPEN_WORLD();
    RowStore rows(db);

    // Bank Y has synced everything it may see (nothing of firmA1): its cursor is past all of
    // firmA1's rows.
    qint64 cursor = 0;
    QCOMPARE(pullLabels(sync, w, w.bankY, &cursor, nullptr), QStringList{u"user:bankY"_s});

    const Sync::Operation submit = upsert(u"application"_s, w.appA1Y, {{u"state"_s, u"submitted"_s}},
                                          rows.load(u"application"_s, w.appA1Y)->version);
    const QString both = u"[\""_s + w.instX + u"\",\""_s + w.instY + u"\"]"_s;
    const Sync::Operation authorize = upsert(u"authorization"_s, w.authA1, {{u"institution_ids"_s, both}},
                                             rows.load(u"authorization"_s, w.authA1)->version);

    const Sync::OpResult first = pushOne(db, sync, w.staffA, authorizationFirst ? authorize : submit);
    QCOMPARE(first.status, Sync::OpResult::Status::Applied);
    // Half-way, bank Y still sees no firm data: it needs both the application and the authorization.
    qint64 halfway = cursor;
    const QStringList middle = pullLabels(sync, w, w.bankY, &halfway, nullptr);
    QCOMPARE(middle, authorizationFirst ? QStringList() : QStringList{u"appA1Y"_s});

    const Sync::OpResult second = pushOne(db, sync, w.staffA, authorizationFirst ? submit : authorize);
    QCOMPARE(second.status, Sync::OpResult::Status::Applied);
    // Now firmA1 and all its records were re-stamped above bank Y's cursor, so they arrive although
    // their data did not change; firm data of other firms still does not.
    const QStringList gained = pullLabels(sync, w, w.bankY, &halfway, nullptr);
    QCOMPARE(gained, authorizationFirst
                         ? sorted({u"appA1Y"_s, u"firmA1"_s, u"authA1"_s, u"mvA1"_s, u"crA1"_s})
                         : sorted({u"firmA1"_s, u"authA1"_s, u"mvA1"_s, u"crA1"_s}));
    // That read of firm data by bank Y is audited (its earlier pulls held none).
    QCOMPARE(auditCount(db, u"pull_credit_data"_s), 1);
}

void TestRbac::parkGainsMovedFirm_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgres") << u"postgres"_s;
}

void TestRbac::parkGainsMovedFirm()
{
    XINDAI_OPEN_WORLD();
    qint64 cursorA = 0;
    qint64 cursorB = 0;
    pullLabels(sync, w, w.staffA, &cursorA, nullptr);
    pullLabels(sync, w, w.staffB, &cursorB, nullptr);
    // The administrator moves firmB1 to park A: park A's staff receive the firm and its records (re-
    // stamped above their cursor), but not appB1X, which stays filed under park B.
    QCOMPARE(pushOne(db, sync, w.admin, upsert(u"enterprise"_s, w.firmB1, {{u"park_id"_s, w.parkA}})).status,
             Sync::OpResult::Status::Applied);
    QCOMPARE(pullLabels(sync, w, w.staffA, &cursorA, nullptr), sorted({u"firmB1"_s, u"mvB1"_s, u"crB1"_s}));
    // Park B's staff get nothing more (the firm's new state is outside their scope now).
    QCOMPARE(pullLabels(sync, w, w.staffB, &cursorB, nullptr), QStringList());
}

QTEST_GUILESS_MAIN(TestRbac)
#include "tst_rbac.moc"
