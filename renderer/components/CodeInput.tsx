/**
 * The verification-code input: one real <input> drawn as boxes (input-otp), so typing, paste from
 * keyboard, context menu or long-press, one-time-code autofill, backspace, delete and the arrow
 * keys all behave like a text field, and a screen reader hears one labelled control.
 * Shared by the desktop windows and the browser pages; it has no Electron dependency.
 *
 * input-otp turns a caret that sits inside the code into a selection of one box, so the next digit
 * replaces that box. It does so when the document's asynchronous `selectionchange` event arrives,
 * and a key handled before that event saw the plain caret: "1234", ArrowLeft, "9" gave "1239" or
 * "12394", and after a digit replaced a box in a full code the next digit was dropped (the input
 * was full and nothing was selected). Here every key that moves the caret or changes the value
 * brings input-otp's selection up to date at once, in the same event, so each key sees the
 * selection the previous one left.
 */
import { OTPInput, type SlotProps } from 'input-otp';
import { useCallback, useRef, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import { normaliseCode } from '../../shared/code/normalise-code.js';

export interface CodeInputProps {
  readonly digits: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Enter pressed: the view decides whether the code is complete. */
  readonly onEnter?: () => void;
  readonly label: string;
  /** Focusable, but takes no typing or pasting (while a code is checked, during a lock-out). */
  readonly readOnly?: boolean;
  /** Neither focusable nor usable (the challenge is over). */
  readonly disabled?: boolean;
  readonly invalid?: boolean;
  /** id of the element that describes the current error or state. */
  readonly describedBy?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly id?: string;
  /** A caret or selection to start with, carried over from code.html's early input. */
  readonly initialSelection?: readonly [number, number] | null;
}

function Slot({ char, isActive, hasFakeCaret }: SlotProps) {
  return (
    <div className="code-slot" data-active={isActive || undefined} data-filled={char !== null || undefined}>
      {char}
      {hasFakeCaret && <div className="code-caret" />}
    </div>
  );
}

/** Where a text field puts the caret for a caret key; null for any other key. */
export function caretAfterKey(key: string, start: number, end: number, length: number): number | null {
  switch (key) {
    case 'ArrowLeft':
      return start !== end ? start : Math.max(0, start - 1);
    case 'ArrowRight':
      return start !== end ? end : Math.min(length, end + 1);
    case 'Home':
    case 'ArrowUp':
      return 0;
    case 'End':
    case 'ArrowDown':
      return length;
    default:
      return null;
  }
}

/** input-otp listens for selectionchange on the document; this runs its listener now rather than later. */
const syncSelection = () => document.dispatchEvent(new Event('selectionchange'));

export function CodeInput(props: CodeInputProps) {
  const { digits, value, onChange } = props;
  const blocked = props.readOnly === true || props.disabled === true;

  const outerRef = props.inputRef;
  const setRefs = useCallback(
    (element: HTMLInputElement | null) => {
      if (typeof outerRef === 'function') outerRef(element);
      else if (outerRef !== undefined && outerRef !== null) outerRef.current = element;
    },
    [outerRef],
  );

  // Applied on the first focus, after input-otp's own focus handler has placed its caret.
  const pendingSelection = useRef(props.initialSelection ?? null);
  const onFocus = (event: FocusEvent<HTMLInputElement>) => {
    const selection = pendingSelection.current;
    pendingSelection.current = null;
    if (selection === null) return;
    const length = event.currentTarget.value.length;
    event.currentTarget.setSelectionRange(Math.min(selection[0], length), Math.min(selection[1], length));
    syncSelection();
  };

  // A whole code pasted anywhere replaces what is there; input-otp alone would insert it at the caret.
  const onPasteCapture = (event: ClipboardEvent<HTMLDivElement>) => {
    if (blocked) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
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
      return;
    }
    const input = event.currentTarget;
    if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const caret = caretAfterKey(event.key, input.selectionStart ?? 0, input.selectionEnd ?? 0, input.value.length);
    if (caret === null) return;
    event.preventDefault();
    input.setSelectionRange(caret, caret);
    syncSelection();
  };

  return (
    <div className="code-input" onPasteCapture={onPasteCapture}>
      <OTPInput
        ref={setRefs}
        id={props.id}
        data-testid="code-input"
        maxLength={digits}
        value={value}
        onChange={(next) => onChange(normaliseCode(next, digits))}
        // After a digit, the box to its right is selected before the next key arrives.
        onInput={syncSelection}
        pasteTransformer={(text) => normaliseCode(text, digits)}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="^[0-9]*$"
        aria-label={props.label}
        aria-invalid={props.invalid === true || undefined}
        aria-describedby={props.describedBy}
        readOnly={props.readOnly}
        disabled={props.disabled}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
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
