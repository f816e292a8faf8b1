// File I/O: inputs are mapped read-only (never copied); outputs are written to
// a temporary file in the destination directory and renamed into place, so a
// failed run never leaves a partial output behind.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace toyc {

class MappedFile {
public:
  // Maps path; on failure returns null and sets err to a message.
  static std::unique_ptr<MappedFile> open(const std::string& path, std::string& err);
  ~MappedFile();
  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  const std::string& path() const { return path_; }

private:
  MappedFile() = default;
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  std::string path_;
  std::vector<uint8_t> copy_;  // for files that cannot be mapped (pipes)
};

bool fileExists(const std::string& path);

// Writes the bytes produced by fill() into `path` atomically. fill receives a
// buffer of exactly `size` bytes. Returns false and sets err on failure.
// Modules are executable (as wasm-ld makes them); objects are not.
bool writeFileAtomic(const std::string& path, std::span<const uint8_t> bytes, std::string& err,
                     bool executable = true);

}  // namespace toyc
