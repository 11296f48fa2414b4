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

            #[allow(dead_code)]
            pub(crate) fn client(&self) -> &'c crate::async_client::AsyncClient {
                self.client
            }

            #[allow(dead_code)]
            pub(crate) fn options(&self) -> Option<&'c crate::CallOptions> {
                self.opts
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
