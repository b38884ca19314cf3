#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace XinDai::Intake {

/// One record of a CSV text, as read by CsvParser.
struct CsvRecord
{
    QStringList fields;
    int line = 0;  ///< 1-based file line where the record starts (a quoted field may span lines)
    QString error; ///< translated sentence when the quoting is broken; fields are then incomplete
};

/// Incremental RFC 4180 reader over a decoded text: comma separator, fields optionally enclosed in
/// double quotes, a doubled quote inside quotes is one quote, quoted fields may hold commas and line
/// breaks; records end at CRLF, LF or CR. Blank lines are skipped. Unquoted fields are taken as they
/// are (no trimming).
///
/// Broken quoting is reported on the record, which then ends at the next line break: a quote inside
/// an unquoted field, text after a closing quote, or a quote left open at the end of the text (the
/// record then swallowed the rest of the text).
///
/// The parser keeps a view on \a text: the text must outlive it.
class CsvParser
{
public:
    explicit CsvParser(QStringView text);

    /// Reads the next non-blank record; false at the end of the text.
    bool next(CsvRecord *record);
    /// Characters consumed so far (for progress), 0 … size of the text.
    qsizetype position() const { return m_pos; }

private:
    void skipToLineEnd();
    void consumeLineBreak();

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace XinDai::Intake
