// The files a list of paths stands for: a file for itself, a folder for the
// files in it of the kinds wanted. Internal to the compiled part (ledger
// files, the report's observations).
#ifndef ZJCREDIT_SRC_IO_FILES_HPP
#define ZJCREDIT_SRC_IO_FILES_HPP

#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

namespace zjcredit::io {

/// `paths` in order, each folder replaced by its files whose extension (any
/// case, e.g. ".csv") is one of `extensions`, in name order — not its
/// subfolders, and not names starting with "~$" or "." (Excel's lock files,
/// hidden files). errc::io naming the path for a path that does not exist or
/// a folder with no such file.
std::vector<std::filesystem::path> files_of(std::span<const std::filesystem::path> paths,
                                            std::span<const std::string_view> extensions);

}  // namespace zjcredit::io

#endif
