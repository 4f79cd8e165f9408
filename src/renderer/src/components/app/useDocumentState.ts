// The window's title names the current view; the theme preference sets <html data-theme>.
import { useEffect } from 'react';
import { useSheaf } from '../../store';
import { useViewTitle } from '../common/useViewTitle';

export function useDocumentState() {
  const title = useViewTitle();
  const theme = useSheaf((s) => s.preferences.theme);
  useEffect(() => {
    document.title = `${title} — Sheaf`;
  }, [title]);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
