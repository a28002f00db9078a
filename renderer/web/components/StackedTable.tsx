/**
 * A table that narrow screens show as one card per row (web.css, .stacked-table). Its parts carry
 * explicit table roles because a table laid out with display: block or grid loses its implicit
 * ones in some browsers, and screen readers would no longer hear rows and column headers.
 * Cells give their column's name in data-label, shown before the value only in the card layout.
 */
import type { ReactNode } from 'react';

export function StackedTable({ className, children }: { readonly className?: string; readonly children: ReactNode }) {
  return (
    <table role="table" className={className === undefined ? 'stacked-table' : `stacked-table ${className}`}>
      {children}
    </table>
  );
}
