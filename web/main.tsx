import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-theme";
import "./styles/app.css";
import "./styles/print.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Layout } from "./components/Layout.js";
import { SessionProvider } from "./features/session/session.js";
import { initI18n } from "./i18n/index.js";
import { Routes } from "./routes.js";

initI18n();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <Layout>
        <Routes />
      </Layout>
    </SessionProvider>
  </StrictMode>,
);
