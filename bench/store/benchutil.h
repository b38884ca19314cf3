#pragma once

// Small helpers shared by the store benchmarks (header-only, benchmark code only).

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

namespace XinDai::Bench {

/// Value following \a name in \a args, or \a fallback.
inline QString option(const QStringList &args, const char *name, const QString &fallback = {})
{
    const qsizetype i = args.indexOf(QString::fromLatin1(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

/// Prints one JSON object on one line to stdout and flushes.
inline void emitJson(const QJsonObject &object)
{
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << "\n";
    out.flush();
}

/// Peak resident set size of this process in MiB (VmHWM), 0 when unknown.
inline double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

/// Rounds to 3 decimals for readable JSON.
inline double round3(double v)
{
    return double(qint64(v * 1000.0 + (v >= 0 ? 0.5 : -0.5))) / 1000.0;
}

} // namespace XinDai::Bench
