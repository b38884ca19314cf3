// Checks translations/xindai_zh_CN.ts: every message translated, and no string used in the sources
// missing from the file or marked vanished (i.e. lupdate was not run after it was added).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type;      ///< translation's type attribute: "", unfinished, vanished, obsolete
    QStringList forms; ///< the translation, or each numerus form
};

QVector<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QVector<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                current = TsMessage{context, {}, {}, {}};
            } else if (name == u"source") {
                current.source = xml.readElementText();
            } else if (name == u"translation") {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                bool numerus = false;
                QString text;
                while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == u"numerusform") {
                        numerus = true;
                        current.forms.append(xml.readElementText());
                    } else if (xml.isCharacters()) {
                        text += xml.text();
                    }
                }
                if (!numerus)
                    current.forms.append(text);
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

/// The C++ source files whose strings go through tr().
QStringList sourceFiles()
{
    QStringList files;
    for (const char *folder : {"ui", "modules", "app"}) {
        QDirIterator it(QStringLiteral(XINDAI_SOURCE_DIR "/") + QLatin1String(folder),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    return files;
}

QString unescape(const QString &literal)
{
    QString out;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal.at(i) == QLatin1Char('\\') && i + 1 < literal.size()) {
            const QChar next = literal.at(++i);
            out += next == QLatin1Char('n')   ? QLatin1Char('\n')
                   : next == QLatin1Char('t') ? QLatin1Char('\t')
                                              : next;
        } else {
            out += literal.at(i);
        }
    }
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_messages = readTs(QStringLiteral(XINDAI_SOURCE_DIR "/translations/xindai_zh_CN.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!m_messages.isEmpty(), "xindai_zh_CN.ts holds no message");
        for (const QString &path : sourceFiles()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            m_sources.append(QString::fromUtf8(file.readAll()));
        }
    }

    void everyMessageTranslated()
    {
        QStringList missing;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (m.type == u"vanished" || m.type == u"obsolete")
                continue; // judged by noVanishedStringStillUsed
            const bool empty = m.forms.isEmpty()
                               || std::any_of(m.forms.cbegin(), m.forms.cend(),
                                              [](const QString &f) { return f.isEmpty(); });
            if (m.type == u"unfinished" || empty)
                missing.append(m.context + QStringLiteral(": ") + m.source);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(
                     QStringLiteral("%1 untranslated message(s) in xindai_zh_CN.ts:\n  ").arg(missing.size())
                     + missing.join(QStringLiteral("\n  "))));
    }

    void noVanishedStringStillUsed()
    {
        // A vanished message whose text still appears as a literal in the sources means lupdate no longer
        // sees a file that uses it (not listed in the build) — its translation would silently be lost.
        QStringList stale;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (m.type != u"vanished" && m.type != u"obsolete")
                continue;
            QString literal = m.source;
            literal.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('"'), QStringLiteral("\\\""));
            literal.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
            const QString quoted = QLatin1Char('"') + literal + QLatin1Char('"');
            for (const QString &source : std::as_const(m_sources)) {
                if (source.contains(quoted)) {
                    stale.append(m.context + QStringLiteral(": ") + m.source);
                    break;
                }
            }
        }
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("vanished in the .ts but still used:\n  ")
                                             + stale.join(QStringLiteral("\n  "))));
    }

    void everyTrStringInFile()
    {
        // tr("single literal") calls in the sources must all be in the file (run update_translations).
        QSet<QString> known;
        for (const TsMessage &m : std::as_const(m_messages)) {
            if (m.type != u"vanished" && m.type != u"obsolete")
                known.insert(m.source);
        }
        static const QRegularExpression call(
            QString::fromLatin1("\\btr\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*[,)]"));
        QStringList absent;
        for (const QString &source : std::as_const(m_sources)) {
            for (auto it = call.globalMatch(source); it.hasNext();) {
                const QString text = unescape(it.next().captured(1));
                if (!text.isEmpty() && !known.contains(text))
                    absent.append(text);
            }
        }
        absent.removeDuplicates();
        QVERIFY2(absent.isEmpty(),
                 qPrintable(QStringLiteral("%1 tr() string(s) not in xindai_zh_CN.ts (build the "
                                           "update_translations target):\n  ")
                                .arg(absent.size())
                            + absent.join(QStringLiteral("\n  "))));
    }

    void englishFileIsSourceLanguage()
    {
        QFile file(QStringLiteral(XINDAI_SOURCE_DIR "/translations/xindai_en.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(400);
        QVERIFY2(head.contains("language=\"en"), head.constData());
    }

private:
    QVector<TsMessage> m_messages;
    QStringList m_sources;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
