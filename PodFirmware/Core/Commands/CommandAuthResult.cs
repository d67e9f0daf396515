namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// Outcome of <see cref="CommandAuthenticator.Verify"/>. Only <see cref="Ok"/> records the
    /// command's id and nonce; <see cref="CommandAuthenticator.ResultName"/> gives the wire name.
    /// </summary>
    public enum CommandAuthResult
    {
        /// <summary><c>ok</c>: signed with the pod's key, addressed to this pod, fresh, never seen, well-formed; id and nonce recorded.</summary>
        Ok = 0,

        /// <summary><c>malformed</c>: the envelope is not the expected JSON, cmd is not canonical base64, sig is not 64 lowercase hex digits, or the signed bytes are not a JSON object.</summary>
        Malformed = 1,

        /// <summary><c>bad_signature</c>: the HMAC does not match the command bytes under the pod's key.</summary>
        BadSignature = 2,

        /// <summary><c>wrong_pod</c>: correctly signed, but addressed to another pod.</summary>
        WrongPod = 3,

        /// <summary><c>expired</c>: ts is more than the window before or after the pod's clock.</summary>
        Expired = 4,

        /// <summary><c>replayed</c>: the id or the nonce was already accepted, or ts is not newer than what the replay memory has forgotten.</summary>
        Replayed = 5,

        /// <summary><c>too_large</c>: the payload exceeds the envelope size cap.</summary>
        TooLarge = 6,

        /// <summary><c>unknown_type</c>: type is not one of the names in <see cref="CommandTypeNames"/>.</summary>
        UnknownType = 7,

        /// <summary><c>missing_field</c>: a field the command or its type requires is absent.</summary>
        MissingField = 8,

        /// <summary><c>wrong_field_type</c>: a field has the wrong JSON type (e.g. ts as a string or a fraction).</summary>
        WrongFieldType = 9,

        /// <summary><c>invalid_field</c>: a field has the right type but a value outside its allowed range or format.</summary>
        InvalidField = 10,

        /// <summary><c>unexpected_field</c>: a field the command's type does not define.</summary>
        UnexpectedField = 11,

        /// <summary><c>unknown_key</c>: the envelope's <c>kid</c> names no key the pod holds, or the previous key after its grace time.</summary>
        UnknownKey = 12,

        /// <summary><c>demo_key</c>: the key that would check the signature is the public demo key, refused on a production build.</summary>
        DemoKey = 13,
    }
}
