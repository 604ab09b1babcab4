//! Key material: parsing public and private keys from the forms users paste (being written).
