#include "intake/errorreport.h"

#include <QSaveFile>

namespace XinDai::Intake {

namespace {

QString quoted(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString out = field;
    out.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

} // namespace

QByteArray ErrorReport::toCsv(const QVector<ImportError> &errors)
{
    QString text;
    text += quoted(tr("row")) + u',' + quoted(tr("line")) + u',' + quoted(tr("column")) + u','
            + quoted(tr("reason")) + u"\r\n";
    for (const ImportError &e : errors) {
        text += QString::number(e.row) + u',' + QString::number(e.line) + u',' + quoted(e.column) + u','
                + quoted(e.reason) + u"\r\n";
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

bool ErrorReport::writeCsv(const QString &path, const QVector<ImportError> &errors, QString *errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(errors)) < 0 || !file.commit()) {
        if (errorMessage)
            *errorMessage
                = tr("The error report could not be written to %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace XinDai::Intake
