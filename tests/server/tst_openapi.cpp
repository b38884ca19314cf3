// docs/openapi.yaml must describe exactly the routes HttpApi serves (both directions), and its
// security must match the routes' token requirement.
#include "server/httpapi.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

struct DocumentedRoute
{
    QString method; ///< upper case
    QString path;
    bool publicRoute = false; ///< has "security: []"
};

/// A small line-based reader of the `paths:` section: paths at indent 2, methods at indent 4, an
/// operation's own `security: []` at indent 6.
QList<DocumentedRoute> readPaths(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = f.errorString();
        return {};
    }
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    static const QRegularExpression methodLine(
        QStringLiteral("^    (get|put|post|delete|patch|head|options|trace):\\s*$"));
    static const QRegularExpression publicLine(QStringLiteral("^      security:\\s*\\[\\]\\s*$"));
    QList<DocumentedRoute> routes;
    bool inPaths = false;
    QString path;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).chopped(1);
        if (!line.isEmpty() && !line.at(0).isSpace()) {
            inPaths = line.startsWith(QLatin1String("paths:"));
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            path = m.captured(1);
        } else if (const auto m = methodLine.match(line); m.hasMatch()) {
            routes.append({m.captured(1).toUpper(), path, false});
        } else if (publicLine.match(line).hasMatch() && !routes.isEmpty()) {
            routes.last().publicRoute = true;
        }
    }
    return routes;
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void readerSeesTheFile()
    {
        // Guard against a reader that finds nothing (then both directions would pass trivially).
        QString error;
        const QList<DocumentedRoute> documented
            = readPaths(QStringLiteral(XINDAI_SOURCE_DIR "/docs/openapi.yaml"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(documented.size() >= 7);
    }

    void documentedEqualsServed()
    {
        QString error;
        const QList<DocumentedRoute> documented
            = readPaths(QStringLiteral(XINDAI_SOURCE_DIR "/docs/openapi.yaml"), &error);
        QSet<QString> doc;
        QSet<QString> publicDoc;
        for (const DocumentedRoute &r : documented) {
            doc.insert(r.method + u' ' + r.path);
            if (r.publicRoute)
                publicDoc.insert(r.method + u' ' + r.path);
        }
        QSet<QString> served;
        QSet<QString> publicServed;
        for (const Server::HttpApi::Route &r : Server::HttpApi::routes()) {
            served.insert(QString::fromLatin1(r.method) + u' ' + r.path);
            if (!r.needsToken)
                publicServed.insert(QString::fromLatin1(r.method) + u' ' + r.path);
        }
        const QSet<QString> undocumented = served - doc;
        const QSet<QString> unserved = doc - served;
        QVERIFY2(undocumented.isEmpty(), qPrintable(u"served but not in openapi.yaml: "_s
                                                    + QStringList(undocumented.values()).join(u", ")));
        QVERIFY2(unserved.isEmpty(), qPrintable(u"in openapi.yaml but not served: "_s
                                                + QStringList(unserved.values()).join(u", ")));
        // Exactly health and login go without a token, in the document and in the server.
        QCOMPARE(publicServed, (QSet<QString>{u"GET /health"_s, u"POST /auth/login"_s}));
        QCOMPARE(publicDoc, publicServed);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
