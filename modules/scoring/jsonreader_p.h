#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace XinDai::Scoring::Internal {

/// Thrown while a model file is parsed; caught by the model's fromJson(), which then returns nothing, so a
/// refused model never half-loads. Never escapes the scoring module.
struct ModelError
{
    QString path;   ///< JSON path inside the file, e.g. "factors[2].bins[1].hi"
    QString reason; ///< translated sentence
};

/// Path-aware readers for model files: each failure names the path and what was expected.
class JsonReader
{
public:
    [[noreturn]] static void fail(const QString &path, const QString &reason);

    /// Parses \a bytes as a JSON object; a syntax error names the byte offset.
    static QJsonObject parseDocument(const QByteArray &bytes);

    static QString child(const QString &path, const QString &key);
    static QString index(const QString &path, qsizetype i);

    static QJsonObject object(const QJsonValue &value, const QString &path);
    static QJsonArray array(const QJsonValue &value, const QString &path);
    static double number(const QJsonValue &value, const QString &path);
    static QString string(const QJsonValue &value, const QString &path);
    /// A number, or a string fraction "a/b" (for AHP matrices, so 1/3 is exact).
    static double ratio(const QJsonValue &value, const QString &path);

    static QJsonObject requiredObject(const QJsonObject &o, const QString &key, const QString &path);
    static QJsonArray requiredArray(const QJsonObject &o, const QString &key, const QString &path);
    static double requiredNumber(const QJsonObject &o, const QString &key, const QString &path);
    static QString requiredString(const QJsonObject &o, const QString &key, const QString &path);
    /// Absent or null → nullopt.
    static std::optional<double> optionalNumber(const QJsonObject &o, const QString &key,
                                                const QString &path);
};

/// Formats a ModelError as the sentence returned to callers.
QString describe(const ModelError &error);

} // namespace XinDai::Scoring::Internal
