// The official JsonLogic conformance suite (../shared/conformance/jsonlogic/tests.json, 277 cases) and
// json-logic-js's rule_like companion suite (39 cases), read at test time: every case must pass.

#include "rules/compiledrule.h"
#include "rules/rulelike.h"
#include "rules/value.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace XinDai::Rules;

class TestRulesConformance : public QObject
{
    Q_OBJECT

private:
    static QJsonArray readSuite(const QString &name)
    {
        QFile f(QStringLiteral(XINDAI_SHARED_DIR "/conformance/jsonlogic/") + name);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        return doc.array();
    }

private slots:
    void officialSuite()
    {
        const QJsonArray suite = readSuite(QStringLiteral("tests.json"));
        if (suite.isEmpty())
            QSKIP("../shared/conformance/jsonlogic/tests.json is not present");
        int cases = 0;
        QStringList failures;
        QString section;
        for (const QJsonValue &item : suite) {
            if (item.isString()) {
                section = item.toString();
                continue;
            }
            const QJsonArray c = item.toArray();
            QCOMPARE(c.size(), 3);
            ++cases;
            QString error;
            const CompiledRule rule = CompiledRule::compile(c.at(0), &error);
            const QByteArray ruleText = QJsonDocument(QJsonArray{c.at(0)}).toJson(QJsonDocument::Compact);
            if (!rule.isValid()) {
                failures << QStringLiteral("%1 %2: compile error %3")
                                .arg(section, QString::fromUtf8(ruleText), error);
                continue;
            }
            const Value result = rule.evaluate(Value::fromJson(c.at(1)));
            // Compare as JSON, the way the JS suite's deepEqual sees it: NaN/Infinity serialize as null,
            // numbers compare by value.
            const Value asJson = Value::fromJson(result.toJson());
            const Value expected = Value::fromJson(c.at(2));
            if (!asJson.deepEquals(expected)) {
                failures << QStringLiteral("%1 %2 data %3: got %4, expected %5")
                                .arg(section, QString::fromUtf8(ruleText),
                                     QString::fromUtf8(Value::fromJson(c.at(1)).toJsonText()),
                                     QString::fromUtf8(result.toJsonText()),
                                     QString::fromUtf8(expected.toJsonText()));
            }
        }
        for (const QString &f : std::as_const(failures))
            qWarning().noquote() << "FAIL" << f;
        QCOMPARE(cases, 277);
        QCOMPARE(failures.size(), 0);
    }

    void ruleLikeSuite()
    {
        const QJsonArray suite = readSuite(QStringLiteral("rule_like.json"));
        if (suite.isEmpty())
            QSKIP("../shared/conformance/jsonlogic/rule_like.json is not present");
        int cases = 0;
        QStringList failures;
        for (const QJsonValue &item : suite) {
            if (item.isString())
                continue;
            const QJsonArray c = item.toArray();
            QCOMPARE(c.size(), 3);
            ++cases;
            if (ruleLike(c.at(0), c.at(1)) != c.at(2).toBool())
                failures << QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Compact));
        }
        for (const QString &f : std::as_const(failures))
            qWarning().noquote() << "FAIL" << f;
        QCOMPARE(cases, 39);
        QCOMPARE(failures.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRulesConformance)
#include "tst_rulesconformance.moc"
