#include "detect/logs/CsvReader.h"

namespace vigil::logs {

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    if (!error_.empty() || pos_ >= text_.size()) return false;
    recordLine_ = lineNo_;
    std::string field;
    const std::size_t n = text_.size();
    while (true) {
        field.clear();
        if (pos_ < n && text_[pos_] == '"') {
            ++pos_;
            while (true) {
                if (pos_ >= n) {
                    error_ = "unterminated quoted field";
                    return false;
                }
                char ch = text_[pos_++];
                if (ch == '"') {
                    if (pos_ < n && text_[pos_] == '"') {
                        field.push_back('"');
                        ++pos_;
                        continue;
                    }
                    break;
                }
                if (ch == '\n') ++lineNo_;
                field.push_back(ch);
            }
            if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
                error_ = "unexpected character after closing quote";
                return false;
            }
        } else {
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
                if (text_[pos_] == '"') {
                    error_ = "quote inside an unquoted field";
                    return false;
                }
                field.push_back(text_[pos_++]);
            }
        }
        fields.push_back(field);
        if (pos_ >= n) return true;
        char ch = text_[pos_++];
        if (ch == ',') continue;
        if (ch == '\r' && pos_ < n && text_[pos_] == '\n') ++pos_;
        ++lineNo_;
        return true;
    }
}

std::string csvField(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char ch : field) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
    }
    out.push_back('"');
    return out;
}

}  // namespace vigil::logs
