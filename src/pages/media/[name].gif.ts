import { mediaPaths, serveMedia } from '../../features/media/media-route';

export const getStaticPaths = () => mediaPaths('gif');
export const GET = serveMedia;
