/// Declares a resource handle: a borrow of the client plus optional per-call options.
macro_rules! resource_handle {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name<'c> {
            client: &'c crate::Client,
            opts: Option<&'c crate::CallOptions>,
        }

        impl<'c> $name<'c> {
            pub(crate) fn new(client: &'c crate::Client) -> Self {
                $name { client, opts: None }
            }

            #[allow(dead_code)]
            pub(crate) fn client(&self) -> &'c crate::Client {
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

pub(crate) use resource_handle;
