/** A field's own error ("Enter your username."), read out when it appears; the field points to it with aria-describedby. */
export function FieldError({ id, text }: { readonly id: string; readonly text: string | null }) {
  if (text === null) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  );
}
