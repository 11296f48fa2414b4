/// Declares an async resource handle: a borrow of the AsyncClient plus optional per-call
/// options, as the blocking handles are.
macro_rules! async_resource_handle {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name<'c> {
            client: &'c crate::async_client::AsyncClient,
            opts: Option<&'c crate::CallOptions>,
        }

        impl<'c> $name<'c> {
            pub(crate) fn new(client: &'c crate::async_client::AsyncClient) -> Self {
                $name { client, opts: None }
            }

            /// The same calls with per-call options (deadline, idempotency key, 2FA code,
            /// cancellation).
            pub fn with(self, opts: &'c crate::CallOptions) -> Self {
                $name {
                    client: self.client,
                    opts: Some(opts),
                }
            }
        }
    };
}

pub(crate) use async_resource_handle;
