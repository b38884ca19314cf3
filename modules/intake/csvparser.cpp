#include "intake/csvparser.h"

#include "intake/intaketr_p.h"

namespace XinDai::Intake {

using Internal::Tr;

CsvParser::CsvParser(QStringView text)
    : m_text(text)
{}

void CsvParser::consumeLineBreak()
{
    // Precondition: m_pos is at '\r' or '\n'.
    if (m_text[m_pos] == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n')
        ++m_pos;
    ++m_pos;
    ++m_line;
}

void CsvParser::skipToLineEnd()
{
    while (m_pos < m_text.size() && m_text[m_pos] != u'\n' && m_text[m_pos] != u'\r')
        ++m_pos;
    if (m_pos < m_text.size())
        consumeLineBreak();
}

bool CsvParser::next(CsvRecord *record)
{
    const qsizetype size = m_text.size();
    // Blank lines (nothing but a line break) are not records.
    while (m_pos < size && (m_text[m_pos] == u'\n' || m_text[m_pos] == u'\r'))
        consumeLineBreak();
    if (m_pos >= size)
        return false;

    record->fields.clear();
    record->error.clear();
    record->line = m_line;

    QString field;
    for (;;) {
        field.clear();
        if (m_pos < size && m_text[m_pos] == u'"') {
            // Quoted field.
            const int openLine = m_line;
            ++m_pos;
            bool closed = false;
            while (m_pos < size) {
                const qsizetype start = m_pos;
                while (m_pos < size && m_text[m_pos] != u'"' && m_text[m_pos] != u'\n'
                       && m_text[m_pos] != u'\r')
                    ++m_pos;
                field += m_text.sliced(start, m_pos - start);
                if (m_pos >= size)
                    break;
                const QChar c = m_text[m_pos];
                if (c == u'"') {
                    if (m_pos + 1 < size && m_text[m_pos + 1] == u'"') {
                        field += u'"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                // A line break inside quotes belongs to the field (CRLF kept as LF).
                field += u'\n';
                consumeLineBreak();
            }
            if (!closed) {
                record->fields.append(field);
                record->error = Tr::tr("The quoted field opened on line %1 is never closed: a double quote "
                                       "is missing.")
                                    .arg(openLine);
                return true;
            }
            record->fields.append(field);
            if (m_pos >= size)
                return true;
            const QChar after = m_text[m_pos];
            if (after == u',') {
                ++m_pos;
                continue;
            }
            if (after == u'\n' || after == u'\r') {
                consumeLineBreak();
                return true;
            }
            record->error = Tr::tr("Line %1 has text after the closing double quote of field %2; a quote "
                                   "inside a quoted field must be doubled.")
                                .arg(m_line)
                                .arg(record->fields.size());
            skipToLineEnd();
            return true;
        }
        // Unquoted field.
        const qsizetype start = m_pos;
        while (m_pos < size) {
            const QChar c = m_text[m_pos];
            if (c == u',' || c == u'\n' || c == u'\r' || c == u'"')
                break;
            ++m_pos;
        }
        if (m_pos < size && m_text[m_pos] == u'"') {
            record->fields.append(m_text.sliced(start, m_pos - start).toString());
            record->error = Tr::tr("Line %1 has a double quote inside the unquoted field %2; enclose the "
                                   "field in quotes and double the quote.")
                                .arg(m_line)
                                .arg(record->fields.size());
            skipToLineEnd();
            return true;
        }
        record->fields.append(m_text.sliced(start, m_pos - start).toString());
        if (m_pos >= size)
            return true;
        if (m_text[m_pos] == u',') {
            ++m_pos;
            continue;
        }
        consumeLineBreak();
        return true;
    }
}

} // namespace XinDai::Intake
