#include "sync/wiretext_p.h"

#include <QDate>
#include <QString>

namespace XinDai::Sync::Internal {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!isDigit(p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

bool isPlainDate(QByteArrayView s)
{
    if (s.size() < 10 || s[4] != '-' || s[7] != '-')
        return false;
    const int y = digits(s.data(), 4), m = digits(s.data() + 5, 2), d = digits(s.data() + 8, 2);
    return y >= 1 && m >= 1 && d >= 1 && QDate::isValid(y, m, d);
}

bool isPlainDateTime(QByteArrayView s)
{
    if ((s.size() != 20 && s.size() != 24) || !isPlainDate(s) || s[10] != 'T' || s[13] != ':' || s[16] != ':'
        || s.back() != 'Z')
        return false;
    const int h = digits(s.data() + 11, 2), m = digits(s.data() + 14, 2), sec = digits(s.data() + 17, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59)
        return false;
    return s.size() == 20 || (s[19] == '.' && digits(s.data() + 20, 3) >= 0);
}

bool isStoreUuid(QByteArrayView s)
{
    if (s.size() != 36)
        return false;
    bool zero = true;
    for (qsizetype i = 0; i < 36; ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (isDigit(c) || (c >= 'a' && c <= 'f')) {
            zero = zero && c == '0';
        } else {
            return false;
        }
    }
    return !zero;
}

bool isBlank(QByteArrayView s)
{
    bool ascii = true;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            ascii = false;
        else if (c != ' ' && (c < '\t' || c > '\r'))
            return false;
    }
    return ascii || QString::fromUtf8(s).trimmed().isEmpty();
}

qsizetype utf16Length(QByteArrayView s)
{
    qsizetype n = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xc0) != 0x80)
            n += c >= 0xf0 ? 2 : 1;
    }
    return n;
}

void appendUtf8(char32_t cp, QByteArray &out)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xc0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.append(char(0xe0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3f)));
        out.append(char(0x80 | (cp & 0x3f)));
    } else {
        out.append(char(0xf0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3f)));
        out.append(char(0x80 | ((cp >> 6) & 0x3f)));
        out.append(char(0x80 | (cp & 0x3f)));
    }
}

} // namespace XinDai::Sync::Internal
