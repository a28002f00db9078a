/**
 * The verification-code input: one real <input> drawn as boxes (input-otp), so typing, paste from
 * keyboard, context menu or long-press, one-time-code autofill, backspace, delete and the arrow
 * keys all behave like a text field, and a screen reader hears one labelled control.
 * Shared by the desktop windows and the browser pages; it has no Electron dependency.
 */
import { OTPInput, type SlotProps } from 'input-otp';
import { type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import { normaliseCode } from '../../shared/code/normalise-code.js';

export interface CodeInputProps {
  readonly digits: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Enter pressed: the view decides whether the code is complete. */
  readonly onEnter?: () => void;
  readonly label: string;
  readonly disabled?: boolean;
  readonly invalid?: boolean;
  /** id of the element that describes the current error or state. */
  readonly describedBy?: string;
  readonly autoFocus?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly id?: string;
}

function Slot({ char, isActive, hasFakeCaret }: SlotProps) {
  return (
    <div className="code-slot" data-active={isActive || undefined} data-filled={char !== null || undefined}>
      {char}
      {hasFakeCaret && <div className="code-caret" />}
    </div>
  );
}

export function CodeInput(props: CodeInputProps) {
  const { digits, value, onChange } = props;

  // A whole code pasted anywhere replaces what is there; input-otp alone would insert it at the caret.
  const onPasteCapture = (event: ClipboardEvent<HTMLDivElement>) => {
    const pasted = normaliseCode(event.clipboardData.getData('text/plain'), digits);
    if (pasted.length !== digits) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(pasted);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onEnter?.();
    }
  };

  return (
    <div className="code-input" onPasteCapture={onPasteCapture}>
      <OTPInput
        ref={props.inputRef}
        id={props.id}
        maxLength={digits}
        value={value}
        onChange={(next) => onChange(normaliseCode(next, digits))}
        pasteTransformer={(text) => normaliseCode(text, digits)}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="^[0-9]*$"
        aria-label={props.label}
        aria-invalid={props.invalid === true || undefined}
        aria-describedby={props.describedBy}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        onKeyDown={onKeyDown}
        spellCheck={false}
        pushPasswordManagerStrategy="none"
        noScriptCSSFallback={null}
        containerClassName="code-boxes"
        render={({ slots }) => (
          <div className="code-slots" aria-hidden="true">
            {slots.map((slot, index) => (
              <Slot key={index} {...slot} />
            ))}
          </div>
        )}
      />
    </div>
  );
}
