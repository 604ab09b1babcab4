//! Explains a failed verification by trying what usually went wrong (being written).
