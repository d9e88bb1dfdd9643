//! The findings of the outside security review, each as the attack that worked, and the
//! defences that keep each class of bug closed (docs/SECURITY.md).

mod csv_cells;
mod injection;
mod malformed;
mod references;
mod shared_device;
mod throttle;
