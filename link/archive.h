// GNU/System V archives as llvm-ar writes them: a `/` symbol index (or
// `/SYM64/`), a `//` long-name table, and members padded to even offsets.
// Members are only located here; they are parsed when the linker extracts
// them. An archive without an index is indexed by scanning its members.
#pragma once
#include <string>
#include <vector>
#include "link/unit.h"
#include "utils/diag.h"

namespace toyc::link {

struct ArchiveMember {
  std::string name;     // as stored ("printf.o")
  uint64_t offset = 0;  // file offset of the member's data
  uint64_t size = 0;
  bool extracted = false;
};

struct ArchiveSymbol {
  std::string_view name;  // points into the archive's bytes or `ownedNames`
  uint32_t member;
};

class Archive {
public:
  static bool isArchive(Bytes data);
  // Parses the member headers and the symbol index. Errors name the archive
  // and the byte offset.
  bool open(Bytes data, const std::string& path, Error& err);
  // An object between --start-lib and --end-lib: a one-member archive
  // whose member is named by the file itself.
  bool openLazyObject(Bytes data, const std::string& path, Error& err);

  const std::string& path() const { return path_; }
  Bytes data() const { return data_; }
  std::vector<ArchiveMember>& members() { return members_; }
  const std::vector<ArchiveSymbol>& symbols() const { return symbols_; }
  Bytes memberBytes(uint32_t i) const { return data_.subspan(members_[i].offset, members_[i].size); }
  std::string memberDisplayName(uint32_t i) const {
    return lazyObject_ ? path_ : path_ + "(" + members_[i].name + ")";
  }
  bool hasIndex() const { return hasIndex_; }

private:
  bool buildIndexByScanning(Error& err);
  Bytes data_;
  std::string path_;
  std::vector<ArchiveMember> members_;
  std::vector<ArchiveSymbol> symbols_;
  std::vector<std::string> ownedNames_;
  bool hasIndex_ = false;
  bool lazyObject_ = false;
};

}  // namespace toyc::link
