#pragma once

#include <QString>

namespace XinDai::Intake {

/// Why one row (or the whole file) of an import was refused.
struct ImportError
{
    int row = 0;    ///< 1-based data row (the first record after the header is 1); 0 = the file as a whole
    int line = 0;   ///< 1-based file line where the record starts (the header is line 1 in most files)
    QString column; ///< the column as named in the file's header; empty when the whole row is concerned
    QString reason; ///< translated sentence naming the field and the reason

    friend bool operator==(const ImportError &, const ImportError &) = default;
};

} // namespace XinDai::Intake
