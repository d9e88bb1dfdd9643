//! Schemas of the OpenAPI document that the derive cannot write (server only: the feature
//! `openapi`).

use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, Type,
};
use utoipa::openapi::{Array, Object, RefOr};

/// A list of `[name, value]` pairs: exactly two strings each.
pub fn string_pairs() -> Array {
    let pair = ArrayBuilder::new()
        .items(ObjectBuilder::new().schema_type(Type::String))
        .min_items(Some(2))
        .max_items(Some(2));
    ArrayBuilder::new().items(pair).build()
}

/// Competency id → level (a small whole number of the framework's scale).
pub fn level_map() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property_names(Some(ObjectBuilder::new().schema_type(Type::String).format(
            Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                utoipa::openapi::schema::KnownFormat::Uuid,
            )),
        )))
        .additional_properties(Some(AdditionalProperties::RefOr(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .maximum(Some(255))
                .into(),
        )))
        .build()
}

/// `quiz::Response`: `{"type": …, "value": …}`, the value's shape by type.
pub fn response_schema() -> RefOr<Schema> {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let strings = || ArrayBuilder::new().items(string());
    let variant = |name: &str, value: RefOr<Schema>| {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                "type",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([name])),
            )
            .property("value", value)
            .required("type")
            .required("value")
    };
    OneOfBuilder::new()
        .item(variant("choice", string().into()))
        .item(variant("choices", strings().into()))
        .item(variant(
            "bool",
            ObjectBuilder::new().schema_type(Type::Boolean).into(),
        ))
        .item(variant(
            "number",
            ObjectBuilder::new().schema_type(Type::Number).into(),
        ))
        .item(variant("text", string().into()))
        .item(variant("order", strings().into()))
        .item(variant("pairs", string_pairs().into()))
        .description(Some("A learner's answer to one question."))
        .into()
}
