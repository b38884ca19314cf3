#pragma once

#include <QCoreApplication>

namespace XinDai::Server::Internal {

/// Translation context of the server's data-layer and sync messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Server)
};

} // namespace XinDai::Server::Internal
